// duplicate-resource as a lint rule: the same URL twice in one resource list.
#include "dedup/rules.hpp"

#include "dedup/options.hpp"
#include "dedup/report.hpp"
#include "dedup/resources.hpp"

namespace qbank::dedup {

void check_duplicate_resource(const bank::Bank& bank, rules::RuleContext& context) {
  validate_options(k_duplicate_resource, context.options());
  for (auto& d : duplicate_resources(bank)) context.report(d.where, std::move(d.message), std::move(d.hint), std::move(d.related));
}

}  // namespace qbank::dedup
