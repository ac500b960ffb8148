// `qbank export csv`: RFC 4180 (every field quoted, quotes doubled, CRLF after every record),
// UTF-8, a header row, one row per question. Spreadsheets run a cell that starts with = + - @
// (or a tab or CR) as a formula, so such cells get a leading apostrophe unless --raw.
#include "core/text.hpp"
#include "exporters/exporter.hpp"
#include "exporters/text_file.hpp"

namespace qbank::exporters {

namespace {
void append_cell(std::string& out, std::string_view cell, bool raw) {
  out += '"';
  if (!raw && !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) out += '\'';
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

void write_csv(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path) {
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
}

}  // namespace qbank::exporters
