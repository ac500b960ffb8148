// citation-artifact: text pasted from a chat assistant carries its citation markers, e.g.
// U+E200 "cite" U+E202 "turn0search2" U+E201. The private-use characters are invisible in
// most editors, so authors do not see them; learners do, on every card.
#include <fmt/format.h>

#include "rules/checks.hpp"
#include "rules/citation_scan.hpp"
#include "rules/text_fields.hpp"

namespace qbank::rules {

void check_citation_artifact(const bank::Bank& bank, RuleContext& context) {
  for_each_text_field(bank, [&](const TextField& field) {
    if (auto found = find_citation_artifact(field.text))
      context.report(field.where, fmt::format("{}: stray citation marker '{}' in the {}", field.owner(), *found, field.name),
                     "delete it: it is left over from a chat assistant's output");
  });
}

}  // namespace qbank::rules
