// missing-image: a local image in question or answer Markdown (`![ROC](images/roc.png)`) that
// the .apkg cannot carry: the file is missing, is not a file, or lies outside the bank folder
// (a bank is untrusted; `../../etc/passwd` must not travel in a package). Images that are
// there are packaged as Anki media by the exporter, so they need no warning.
#include <fmt/format.h>

#include "bank/media.hpp"
#include "core/markdown_scan.hpp"
#include "rules/checks.hpp"
#include "rules/markdown_fields.hpp"

namespace qbank::rules {

void check_missing_image(const bank::Bank& bank, RuleContext& context) {
  for_each_markdown_field(bank, [&](const MarkdownField& field) {
    for (const auto& item : markdown::scan(field.text, {markdown::ItemKind::image})) {
      if (!markdown::is_local_path(item.text)) continue;
      bank::LocalImage image = bank::resolve_local_image(bank, field.section, item.text);
      if (image.problem.empty()) continue;
      context.report(field.at_line(item.line),
                     fmt::format("{}: image '{}' in the {} {}; the Anki package will not include it", field.owner(), item.text,
                                 field.name, image.problem),
                     "paths are relative to the YAML file and must stay inside the bank folder");
    }
  });
}

}  // namespace qbank::rules
