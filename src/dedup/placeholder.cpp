// Stand-ins until the duplicate finder lands: each check finds nothing yet.
#include "dedup/rules.hpp"

namespace qbank::dedup {

void check_duplicate_question(const bank::Bank&, rules::RuleContext&) {}
void check_near_duplicate_question(const bank::Bank&, rules::RuleContext&) {}
void check_repeated_section(const bank::Bank&, rules::RuleContext&) {}
void check_duplicate_resource(const bank::Bank&, rules::RuleContext&) {}

}  // namespace qbank::dedup
