// `qbank export csv`: RFC 4180 (every field quoted, quotes doubled, CRLF after every record),
// UTF-8, a header row, one row per question. Spreadsheets run a cell as a formula when it
// starts with what a formula starts with, so such cells get a leading apostrophe unless --raw
// (see formula_like: ordinary Markdown such as "- a list item" is left alone).
#include <cctype>

#include "core/text.hpp"
#include "core/untrusted_text.hpp"
#include "exporters/exporter.hpp"
#include "exporters/text_file.hpp"

namespace qbank::exporters {

namespace {
// What Excel, LibreOffice and Google Sheets evaluate (OWASP's CSV injection list): a cell
// starting with `=`, `+` or `@`; `-` followed by a digit or `(` (`-2+3`, `-(1)`: a bare `-`
// starting a Markdown list item is text to every spreadsheet); a tab or CR, which some strip
// before looking.
bool formula_like(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=': case '+': case '@': case '\t': case '\r': return true;
    case '-': return cell.size() > 1 && (std::isdigit(static_cast<unsigned char>(cell[1])) || cell[1] == '(');
    default: return false;
  }
}

void append_cell(std::string& out, std::string_view original, bool raw) {
  // Control characters (a lint error) are dropped: they garble spreadsheets and terminals.
  std::string stripped;
  std::string_view cell = original;
  if (untrusted::find_control_character(cell)) cell = stripped = untrusted::strip_control_characters(cell);
  out += '"';
  if (!raw && formula_like(cell)) out += '\'';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_record(std::string& out, const std::vector<std::string>& cells, bool raw) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    append_cell(out, cells[i], raw);
  }
  out += "\r\n";
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}
}  // namespace

ExportReport write_csv(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path) {
  TextFile file(tmp_path);
  std::string record;
  if (options.bom) record += "\xEF\xBB\xBF";
  append_record(record, {"id", "section", "difficulty", "tags", "question", "answer", "resources"}, true);
  file.write(record);
  for (const auto& section : bank.sections) {
    for (const auto& question : section.questions) {
      std::vector<std::string> urls;
      for (const auto& resource : question.resources) urls.push_back(resource.url);
      record.clear();
      append_record(record,
                    {question.id, section.name, question.difficulty, joined(question.tags, ", "),
                     std::string(text::trim(question.question)), std::string(text::trim(question.answer)), joined(urls, "\n")},
                    options.raw);
      file.write(record);
    }
  }
  file.close();
  return {bank.question_count(), "rows", bank.sections.size(), "sections", std::nullopt, {}};
}

}  // namespace qbank::exporters
