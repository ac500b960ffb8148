// The duplicate finder's one ordinary lint rule, registered in rules/registry.cpp. The three
// question rules come from one run of the finder: lint/dedup_stage.hpp.
#pragma once

#include "bank/model.hpp"
#include "rules/rule_context.hpp"

namespace qbank::dedup {

void check_duplicate_resource(const bank::Bank& bank, rules::RuleContext& context);

}  // namespace qbank::dedup
