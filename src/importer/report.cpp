#include "importer/report.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_dump.hpp"
#include "output/json_diagnostic.hpp"
#include "output/render.hpp"

namespace qbank::importer {

namespace {

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }
std::string where(const DocLine& line) { return fmt::format("{}:{}", line.file, line.line); }

// Sorts `items` into document order (the documents as given, then lines), keeping the order
// of items on one line. Each item's key is looked up once, not in every comparison (there is
// an item per question or more).
template <typename T, typename Source>
void sort_in_document_order(std::vector<T>& items, const ImportOptions& options, Source source) {
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < options.documents.size(); ++i) index.emplace(options.documents[i].string(), i);
  std::vector<std::pair<std::pair<std::size_t, int>, std::size_t>> keys;  // ((document, line), position)
  keys.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const DocLine& at = source(items[i]);
    keys.push_back({{index.at(at.file), at.line}, i});
  }
  std::sort(keys.begin(), keys.end());  // the position breaks ties: stable
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const auto& key : keys) sorted.push_back(std::move(items[key.second]));
  items = std::move(sorted);
}

std::string shapes(const ImportedSection& section) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (const auto& q : section.questions) {
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == q.shape; });
    if (it == counts.end()) counts.emplace_back(q.shape, 1);
    else ++it->second;
  }
  std::string out;
  if (counts.size() == 1) return counts.front().first;
  for (const auto& [shape, n] : counts) out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", shape, n);
  return out;
}

std::vector<std::pair<DocLine, std::string>> part_lines(const ImportResult& result, const ImportOptions& options) {
  std::vector<std::pair<DocLine, std::string>> lines;
  for (const auto& p : result.bank.parts) lines.emplace_back(p.source, p.what);
  for (std::size_t i = 0; i < result.bank.sections.size(); ++i) {
    const auto& s = result.bank.sections[i];
    lines.emplace_back(s.source, fmt::format("section '{}'{} -> {}: {} as {}", s.name,
                                             s.difficulty.empty() ? "" : " (difficulty " + s.difficulty + ")", result.files[i + 1].name,
                                             plural(s.questions.size(), "question"), shapes(s)));
  }
  sort_in_document_order(lines, options, [](const auto& line) -> const DocLine& { return line.first; });
  return lines;
}

std::vector<Note> sorted_notes(const ImportResult& result, const ImportOptions& options) {
  std::vector<Note> notes = result.bank.notes;
  sort_in_document_order(notes, options, [](const Note& note) -> const DocLine& { return note.source; });
  return notes;
}

std::string position(const SourceLocation& at) {
  if (at.line <= 0) return at.file;
  return fmt::format("{}:{}:{}", at.file, at.line, at.column > 0 ? at.column : 1);
}

}  // namespace

std::string render_report_text(const ImportResult& result, const ImportOptions& options) {
  std::string out = fmt::format("Imported {} in {} into {} ({}):\n", plural(result.bank.question_count(), "question"),
                                plural(result.bank.sections.size(), "section"), options.output.string(),
                                plural(result.files.size(), "file"));
  for (const auto& [line, what] : part_lines(result, options)) out += fmt::format("{}: {}\n", where(line), what);
  auto notes = sorted_notes(result, options);
  if (!notes.empty()) {
    out += fmt::format("\n{} on text the importer placed by judgement or left out:\n", plural(notes.size(), "note"));
    for (const auto& n : notes) out += fmt::format("{}: note: {}\n", where(n.source), n.message);
  }
  out += fmt::format("\nqbank lint {}:\n", options.output.string());
  const auto& diagnostics = result.lint.diagnostics;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& d = diagnostics[i];
    out += fmt::format("{}: {}: {} [{}]\n", position(d.where), to_string(d.severity), d.message, d.rule);
    if (!d.hint.empty()) out += fmt::format("    hint: {}\n", d.hint);
    for (const auto& related : d.related) out += fmt::format("    note: {}: {}\n", position(related.where), related.message);
    if (result.sources[i]) out += fmt::format("    source: {}\n", where(*result.sources[i]));
  }
  auto counts = output::count(diagnostics);
  std::string scope = fmt::format("{} ({})", plural(result.lint.summary.files, "file"), plural(result.lint.summary.questions, "question"));
  if (counts.errors == 0 && counts.warnings == 0) out += fmt::format("No problems in {}\n", scope);
  else out += fmt::format("Found {} and {} in {}\n", plural(counts.errors, "error"), plural(counts.warnings, "warning"), scope);
  return out;
}

std::string render_report_json(const ImportResult& result, const ImportOptions& options) {
  using json = nlohmann::ordered_json;
  json report;
  json& import = report["import"];
  import["documents"] = json::array();
  for (const auto& doc : options.documents) import["documents"].push_back(doc.string());
  import["output"] = options.output.string();
  import["title"] = result.title;
  import["deck"] = result.deck;
  import["files"] = json::array();
  for (const auto& file : result.files) import["files"].push_back(file.name);
  import["parts"] = json::array();
  for (const auto& p : result.bank.parts) import["parts"].push_back({{"file", p.source.file}, {"line", p.source.line}, {"what", p.what}});
  import["sections"] = json::array();
  for (std::size_t i = 0; i < result.bank.sections.size(); ++i) {
    const auto& s = result.bank.sections[i];
    json section = {{"name", s.name}, {"file", s.source.file}, {"line", s.source.line}, {"output", result.files[i + 1].name}};
    if (!s.difficulty.empty()) section["difficulty"] = s.difficulty;
    section["questions"] = json::array();
    for (const auto& q : s.questions)
      section["questions"].push_back({{"id", q.id}, {"file", q.source.file}, {"line", q.source.line}, {"shape", q.shape}});
    import["sections"].push_back(std::move(section));
  }
  import["notes"] = json::array();
  for (const auto& n : sorted_notes(result, options))
    import["notes"].push_back({{"file", n.source.file}, {"line", n.source.line}, {"message", n.message}});
  report["diagnostics"] = json::array();
  for (std::size_t i = 0; i < result.lint.diagnostics.size(); ++i) {
    json item = output::diagnostic_to_json(result.lint.diagnostics[i]);
    if (result.sources[i]) item["source"] = {{"file", result.sources[i]->file}, {"line", result.sources[i]->line}};
    report["diagnostics"].push_back(std::move(item));
  }
  auto counts = output::count(result.lint.diagnostics);
  report["summary"] = {{"files", result.lint.summary.files}, {"questions", result.lint.summary.questions},
                       {"errors", counts.errors},        {"warnings", counts.warnings}};
  return dump_json(report, 2) + "\n";
}

}  // namespace qbank::importer
