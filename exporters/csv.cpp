// `qbank export csv`: RFC 4180 (every field quoted, quotes doubled, CRLF after every record),
// UTF-8, a header row, one row per question. Spreadsheets run a cell that starts with = + - @
// (or a tab or CR) as a formula, so such cells get a leading apostrophe unless --raw.
#include <fstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "exporters/exporter.hpp"

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
  std::string out;
  if (options.bom) out += "\xEF\xBB\xBF";
  append_record(out, {"id", "section", "difficulty", "tags", "question", "answer", "resources"}, true);
  for (const auto& section : bank.sections) {
    for (const auto& question : section.questions) {
      std::vector<std::string> urls;
      for (const auto& resource : question.resources) urls.push_back(resource.url);
      append_record(out,
                    {question.id, section.name, question.difficulty, joined(question.tags, ", "),
                     std::string(text::trim(question.question)), std::string(text::trim(question.answer)), joined(urls, "\n")},
                    options.raw);
    }
  }
  std::ofstream file(tmp_path, std::ios::binary | std::ios::trunc);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  file.flush();
  if (!file) throw Error(fmt::format("cannot write '{}'", tmp_path.string()));
}

}  // namespace qbank::exporters
