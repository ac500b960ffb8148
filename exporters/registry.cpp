// THE list of export formats. Adding one: its .cpp, one line here, one line in CMakeLists.txt.
#include "exporters/exporter.hpp"

#include <array>

namespace qbank::exporters {

namespace {
const std::array k_exporters{
    Exporter{"anki", "apkg", "Anki package (.apkg); re-importing updates edited notes", write_anki, true, "apkg", true, true},
    Exporter{"anki-text", "txt", "Anki text import file (File > Import), same GUIDs as the .apkg", write_anki_text, false, {}, false, true},
    Exporter{"csv", "csv", "CSV (RFC 4180, UTF-8), one row per question", write_csv, false, {}, false, false},
    Exporter{"markdown", "md", "One Markdown document with a table of contents", write_markdown, false, "md", false, false},
};
}  // namespace

std::span<const Exporter> all_exporters() { return k_exporters; }

const Exporter* find_exporter(std::string_view name) {
  for (const auto& exporter : k_exporters)
    if (exporter.name == name || (!exporter.alias.empty() && exporter.alias == name)) return &exporter;
  return nullptr;
}

}  // namespace qbank::exporters
