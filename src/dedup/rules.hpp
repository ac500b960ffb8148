// The duplicate finder's lint rules, as registered in rules/registry.cpp.
#pragma once

#include "bank/model.hpp"
#include "rules/rule_context.hpp"

namespace qbank::dedup {

void check_duplicate_question(const bank::Bank& bank, rules::RuleContext& context);
void check_near_duplicate_question(const bank::Bank& bank, rules::RuleContext& context);
void check_repeated_section(const bank::Bank& bank, rules::RuleContext& context);
void check_duplicate_resource(const bank::Bank& bank, rules::RuleContext& context);

}  // namespace qbank::dedup
