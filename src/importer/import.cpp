#include "importer/import.hpp"

#include <malloc.h>

#include <map>

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "importer/bank_folder.hpp"
#include "importer/ids.hpp"
#include "importer/markdown_source.hpp"
#include "importer/recognize.hpp"

namespace qbank::importer {

namespace fs = std::filesystem;

std::size_t ImportedBank::question_count() const {
  std::size_t n = 0;
  for (const auto& section : sections) n += section.questions.size();
  return n;
}

namespace {
std::string size_text(std::uintmax_t bytes) {
  if (bytes >= (1u << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1u << 20));
  return fmt::format("{} bytes", bytes);
}
}  // namespace

std::string read_document(const fs::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(fmt::format("{} is a folder, not a Markdown document", path.string()));
  auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes)
    throw Error(fmt::format("{} is {}, over the {} limit for one document (--max-file-size)", path.string(), size_text(size),
                            size_text(max_bytes)));
  std::string text = read_file(path);
  if (text.size() > max_bytes)  // a pipe or a file that grew
    throw Error(fmt::format("{} is over the {} limit for one document (--max-file-size)", path.string(), size_text(max_bytes)));
  if (auto nul = text.find('\0'); nul != std::string::npos) {
    auto where = text::line_column_at(text, nul);
    throw Error(fmt::format("{} is a binary file, not Markdown (a NUL byte at line {}, column {})", path.string(), where.line, where.column));
  }
  if (auto bad = text::find_invalid_utf8(text)) {
    auto where = text::line_column_at(text, *bad);
    throw Error(fmt::format("{}:{}:{}: not UTF-8 text (byte 0x{:02X}); convert it first, e.g. iconv -f LATIN1 -t UTF-8",
                            path.string(), where.line, where.column, static_cast<unsigned char>(text[*bad])));
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  return text;
}

ImportedBank recognize_documents(const std::vector<fs::path>& documents, std::uintmax_t max_bytes) {
  ImportedBank bank;
  for (const auto& path : documents) {
    std::size_t before = bank.question_count();
    recognize(std::make_shared<const MarkdownText>(path.string(), read_document(path, max_bytes)), bank);
    if (bank.question_count() == before)
      throw Error(fmt::format("{}: no questions found (looked for numbered or bulleted list items, question headings, "
                              "bold lines, Q:/A: pairs and <details> blocks); is it a question bank?",
                              path.string()));
  }
  // A heading with no questions under it (its text, if any, went to the description).
  std::erase_if(bank.sections, [&](const ImportedSection& section) {
    if (!section.questions.empty()) return false;
    bank.notes.push_back({section.source, fmt::format("section '{}' has no questions: no file for it", section.name)});
    return true;
  });
  return bank;
}

ImportResult run_import(const ImportOptions& options, const config::Config& config) {
  ImportResult result;
  result.bank = recognize_documents(options.documents, config.max_file_bytes);
  // The documents' syntax trees are gone; hand their pages back before the YAML is built
  // (glibc keeps freed memory otherwise, and the peak would be the sum of every stage).
  ::malloc_trim(0);
  if (options.dedupe) merge_repeats(result.bank);
  assign_ids(result.bank);
  result.title = !options.title.empty() ? options.title
                 : !result.bank.title.empty() ? result.bank.title
                                              : options.documents.front().stem().string();
  result.deck = !options.deck.empty() ? options.deck : result.title;
  result.files = render_bank(result.bank, result.title, result.deck);
  write_bank_folder(options.output, result.files, options.force);
  // The texts are on disk now; the report needs only names, ids, shapes and lines, and the
  // lint run's memory comes on top of what is still held here.
  for (auto& file : result.files) std::string().swap(file.text);
  std::string().swap(result.bank.description);
  for (auto& section : result.bank.sections)
    for (auto& q : section.questions) {
      std::string().swap(q.question);
      std::string().swap(q.answer);
      std::vector<ImportedResource>().swap(q.resources);
    }
  ::malloc_trim(0);

  result.lint = lint::run_lint({options.output}, config);
  std::map<std::string, const WrittenFile*, std::less<>> by_name;  // a lookup per finding
  for (const auto& file : result.files) by_name.emplace(file.name, &file);
  result.sources.reserve(result.lint.diagnostics.size());
  for (const auto& d : result.lint.diagnostics) {
    std::optional<DocLine> source;
    if (auto found = by_name.find(fs::path(d.where.file).filename().string()); found != by_name.end()) {
      const WrittenFile& file = *found->second;
      if (const DocLine* line = file.source_of(std::max(d.where.line, 1))) source = *line;
      else if (!file.sources.empty()) source = file.sources.front().second;
    }
    result.sources.push_back(source);
  }
  return result;
}

}  // namespace qbank::importer
