// A lint rule: a plain struct in one constant list (registry.cpp). Rules never choose their
// own severity: the config does (falling back to the rule's default) when the pipeline
// collects their findings. Ids emitted by other stages (loader, schema, dedup, links) are in
// the same list with no `check`, so every id a user can see is documented and configurable.
#pragma once

#include <span>
#include <string_view>

#include "bank/model.hpp"
#include "core/diagnostic.hpp"
#include "rules/rule_context.hpp"

namespace qbank::rules {

// Which part of qbank reports an id; `qbank lint` reports all but `links`.
enum class Stage { loader, schema, rule, dedup, links };
std::string_view to_string(Stage stage);

struct Rule {
  std::string_view id;  // kebab-case, stable, named for the problem
  Stage stage;
  Severity default_severity;
  std::string_view summary;  // one line, shown by `qbank rules`
  std::string_view doc;      // what it finds, why it matters, how to fix it
  void (*check)(const bank::Bank& bank, RuleContext& context);  // nullptr: another stage emits it
};

std::span<const Rule> all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace qbank::rules
