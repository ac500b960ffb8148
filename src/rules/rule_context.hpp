// What a rule's check() gets besides the bank: a way to report findings (stamped with the
// rule's id) and the options the config gives the rule.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/diagnostic_limit.hpp"

namespace qbank::rules {

class RuleContext {
 public:
  RuleContext(std::string_view rule_id, const nlohmann::json& options, std::vector<Diagnostic>& out)
      : m_rule_id(rule_id), m_options(options), m_out(out) {}

  // Appends a finding, up to k_diagnostic_limit per file; the rest are counted for finish().
  void report(SourceLocation where, std::string message, std::string hint = {}, std::vector<Related> related = {});
  // Appends one "and N more like this" per file that went over the limit. Call once, at the end.
  void finish() { m_limiter.finish(m_out); }
  // The config's options block for this rule (rules.<id> when it is a mapping), or null.
  const nlohmann::json& options() const { return m_options; }
  std::string_view rule_id() const { return m_rule_id; }

 private:
  std::string_view m_rule_id;
  const nlohmann::json& m_options;
  std::vector<Diagnostic>& m_out;
  DiagnosticLimiter m_limiter;
};

}  // namespace qbank::rules
