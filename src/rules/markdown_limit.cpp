// markdown-limit: a Markdown field too long or too deeply nested for cmark-gfm to render in
// bounded time (core/markdown_limits.hpp says why). The renderers never parse such a field,
// whatever the config says; this rule tells the author, as an error, before an export does
// something they did not expect (the field would reach the cards as plain text).
#include <string_view>

#include <fmt/format.h>

#include "core/markdown_limits.hpp"
#include "rules/checks.hpp"
#include "rules/text_fields.hpp"

namespace qbank::rules {

void check_markdown_limit(const bank::Bank& bank, RuleContext& context) {
  for_each_text_field(bank, [&](const TextField& field) {
    std::string_view name = field.name;
    bool markdown = name == "question" || name == "answer" || name == "description" || name == "resource description";
    if (!markdown) return;
    if (auto breach = markdown::over_limits(field.text))
      context.report(field.where, fmt::format("{}: the {} {}", field.owner(), name, *breach),
                     "split it up or simplify it; qbank will not hand Markdown this large or deeply nested to its renderer");
  });
}

}  // namespace qbank::rules
