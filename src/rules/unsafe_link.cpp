// unsafe-link: a javascript:, vbscript:, file: or data: (other than an image) link in question
// or answer Markdown. The cards remove such URLs, leaving an empty link, and in any other
// renderer they run code or open local files: never what an author of a study card means.
#include <fmt/format.h>

#include "core/markdown_scan.hpp"
#include "rules/checks.hpp"
#include "rules/markdown_fields.hpp"

namespace qbank::rules {

void check_unsafe_link(const bank::Bank& bank, RuleContext& context) {
  for_each_markdown_field(bank, [&](const MarkdownField& field) {
    for (const auto& item : markdown::scan(field.text, {markdown::ItemKind::link, markdown::ItemKind::image})) {
      if (!markdown::is_unsafe_url(item.text)) continue;
      std::string shown = item.text.size() > 40 ? item.text.substr(0, 37) + "..." : item.text;
      context.report(field.at_line(item.line),
                     fmt::format("{}: {} '{}' in the {} is removed from Anki cards", field.owner(),
                                 item.kind == markdown::ItemKind::image ? "image" : "link", shown, field.name),
                     "link to an http(s) page instead");
    }
  });
}

}  // namespace qbank::rules
