// heading-in-answer: a Markdown heading (`# Title`, or text underlined with === or ---) inside
// a question or an answer. The Markdown export gives sections `##` and questions `###`, so a
// heading in an answer lands between them in the document outline (the export demotes it,
// but the author meant emphasis); on a card it is oversized text. A line of dashes under a
// sentence is the usual accident: it makes the sentence a heading.
#include <fmt/format.h>

#include "core/markdown_scan.hpp"
#include "rules/checks.hpp"
#include "rules/markdown_fields.hpp"

namespace qbank::rules {

void check_heading_in_answer(const bank::Bank& bank, RuleContext& context) {
  for_each_markdown_field(bank, [&](const MarkdownField& field) {
    for (const auto& item : markdown::scan(field.text, {markdown::ItemKind::heading}))
      context.report(field.at_line(item.line),
                     fmt::format("{}: a level-{} heading in the {}", field.owner(), item.text, field.name),
                     "use **bold** text instead; a line of --- under text makes it a heading, leave a blank line before it");
  });
}

}  // namespace qbank::rules
