// The json report: every URL with its verdict and references, then the totals. Stable order
// (URLs sorted, references sorted) so reports diff cleanly between runs.
#include <nlohmann/json.hpp>

#include "core/json_dump.hpp"
#include "links/report.hpp"
#include "output/json_diagnostic.hpp"
#include "output/render.hpp"

namespace qbank::links {

std::string render_json(const LinkRun& run, const ReportScope& scope, const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  for (const auto& result : run.results) {
    const Outcome& o = result.outcome;
    nlohmann::ordered_json references = nlohmann::ordered_json::array();
    for (const auto& where : result.link.references)
      references.push_back({{"file", where.file}, {"line", where.line}, {"column", where.column}});
    std::string_view rule = rule_id(o.verdict);
    links.push_back({{"url", result.link.url},
                     {"status", to_string(o.verdict)},
                     {"rule", rule.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(rule)},
                     {"http_status", o.http_status == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(o.http_status)},
                     {"final_url", o.final_url.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(o.final_url)},
                     {"attempts", o.attempts},
                     {"elapsed_ms", o.elapsed_ms},
                     {"cached", o.cached},
                     {"detail", o.detail},
                     {"references", std::move(references)}});
  }
  Totals t = totals(run.results);
  nlohmann::ordered_json summary{{"urls", t.urls},         {"references", t.references}, {"ok", t.ok},
                         {"redirected", t.redirected}, {"dead", t.dead},        {"error", t.error},
                         {"blocked", t.blocked},   {"excluded", t.excluded},     {"cached", t.cached},
                         {"requests", run.requests}, {"elapsed_ms", run.elapsed_ms}, {"files", scope.files},
                         {"questions", scope.questions}};
  output::Counts counts = output::count(diagnostics);
  summary["errors"] = counts.errors;
  summary["warnings"] = counts.warnings;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics) list.push_back(output::diagnostic_to_json(d));
  nlohmann::ordered_json report{{"links", std::move(links)}, {"diagnostics", std::move(list)}, {"summary", std::move(summary)}};
  return dump_json(report, 2) + "\n";
}

}  // namespace qbank::links
