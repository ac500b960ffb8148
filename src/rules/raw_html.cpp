// raw-html: HTML written into question or answer Markdown. The Anki cards render Markdown in
// safe mode, which drops every tag (Anki runs scripts in cards), so `<script>alert(1)</script>`
// leaves a stray "alert(1)" on the card and `<b>x</b>` silently loses its markup.
#include <fmt/format.h>

#include "core/markdown_scan.hpp"
#include "rules/checks.hpp"
#include "rules/markdown_fields.hpp"

namespace qbank::rules {

void check_raw_html(const bank::Bank& bank, RuleContext& context) {
  for_each_markdown_field(bank, [&](const MarkdownField& field) {
    for (const auto& item : markdown::scan(field.text, {markdown::ItemKind::html})) {
      // One finding per element: its closing tag says nothing new.
      if (item.text.starts_with("</")) continue;
      std::string shown = item.text.substr(0, item.text.find('\n'));
      if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
      context.report(field.at_line(item.line),
                     fmt::format("{}: raw HTML '{}' in the {} is dropped from Anki cards", field.owner(), shown, field.name),
                     "write it in Markdown, or put it in backticks (`<b>`) to show it as code");
    }
  });
}

}  // namespace qbank::rules
