// The markdown report a maintainer pastes into an issue: what to fix first (dead links, by
// file and line), what to update (permanent redirects with their replacement), what could
// not be checked, and the totals.
#include <map>

#include <fmt/format.h>

#include "links/report.hpp"

namespace qbank::links {

namespace {

// Inside a table cell a '|' ends the cell; backticks would break code spans.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string where_list(const std::vector<SourceLocation>& references) {
  std::string out;
  for (const auto& where : references) {
    if (!out.empty()) out += ", ";
    out += where.line > 0 ? fmt::format("{}:{}", where.file, where.line) : where.file;
  }
  return cell(out);
}

}  // namespace

std::string render_markdown(const LinkRun& run, const ReportScope& scope) {
  Totals t = totals(run.results);
  std::string out = "# Link check report\n\n";
  out += fmt::format("**{} dead**, {} redirected, {} could not be checked, {} ok ({} URL{} in {} file{}, {} question{})\n",
                     t.dead, t.redirected, t.error, t.ok, t.urls, t.urls == 1 ? "" : "s", scope.files,
                     scope.files == 1 ? "" : "s", scope.questions, scope.questions == 1 ? "" : "s");

  std::map<std::string, std::vector<std::pair<int, const LinkResult*>>> dead_by_file;
  for (const auto& result : run.results)
    if (result.outcome.verdict == Verdict::dead)
      for (const auto& where : result.link.references) dead_by_file[where.file].emplace_back(where.line, &result);
  out += "\n## Dead links\n\n";
  if (dead_by_file.empty()) out += "None.\n";
  for (auto& [file, entries] : dead_by_file) {
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second->link.url < b.second->link.url;
    });
    out += fmt::format("### {}\n\n| Line | URL | Status |\n|---:|---|---|\n", file);
    for (const auto& [line, result] : entries)
      out += fmt::format("| {} | {} | {} |\n", line, cell(result->link.url), cell(result->outcome.detail));
    out += "\n";
  }

  out += "\n## Redirects\n\n";
  if (t.redirected == 0) out += "None.\n";
  else out += "| URL | Replace with | Referenced at |\n|---|---|---|\n";
  for (const auto& result : run.results)
    if (result.outcome.verdict == Verdict::redirected)
      out += fmt::format("| {} | {} | {} |\n", cell(result.link.url), cell(result.outcome.final_url), where_list(result.link.references));

  if (t.error + t.blocked > 0) {
    out += "\n## Not checked\n\n| URL | Why | Referenced at |\n|---|---|---|\n";
    for (const auto& result : run.results)
      if (result.outcome.verdict == Verdict::error || result.outcome.verdict == Verdict::blocked)
        out += fmt::format("| {} | {}: {} | {} |\n", cell(result.link.url), to_string(result.outcome.verdict),
                           cell(result.outcome.detail), where_list(result.link.references));
  }

  out += "\n## Totals\n\n| Verdict | URLs |\n|---|---:|\n";
  out += fmt::format("| ok | {} |\n| redirected | {} |\n| dead | {} |\n| error | {} |\n| blocked | {} |\n| excluded | {} |\n",
                     t.ok, t.redirected, t.dead, t.error, t.blocked, t.excluded);
  out += fmt::format("| **all** | **{}** ({} references, {} from cache) |\n", t.urls, t.references, t.cached);
  return out;
}

}  // namespace qbank::links
