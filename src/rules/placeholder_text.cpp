// placeholder-text: stubs that stand in for content ("TODO", "TBD", a lone "...", "to be
// continued"). They pass every schema and end up on flashcards, so they get their own rule.
#include <fmt/format.h>

#include "rules/checks.hpp"
#include "rules/placeholder_scan.hpp"
#include "rules/text_fields.hpp"

namespace qbank::rules {

void check_placeholder_text(const bank::Bank& bank, RuleContext& context) {
  for_each_text_field(bank, [&](const TextField& field) {
    if (field.text.empty()) return;
    if (auto found = find_placeholder(field.text))
      context.report(field.where, fmt::format("{}: placeholder text '{}' in the {}", field.owner(), *found, field.name),
                     "replace the placeholder with the real content");
  });
}

}  // namespace qbank::rules
