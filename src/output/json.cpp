// {"diagnostics": [...], "summary": {...}}: the machine-readable form, stable field order.
#include <nlohmann/json.hpp>

#include "core/json_dump.hpp"
#include "output/json_diagnostic.hpp"
#include "output/render.hpp"

namespace qbank::output {

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d) {
  nlohmann::ordered_json item;
  item["file"] = d.where.file;
  item["line"] = d.where.line;
  item["column"] = d.where.column;
  item["rule"] = d.rule;
  item["severity"] = std::string(to_string(d.severity));
  item["message"] = d.message;
  if (!d.hint.empty()) item["hint"] = d.hint;
  if (!d.related.empty()) {
    item["related"] = nlohmann::ordered_json::array();
    for (const auto& r : d.related)
      item["related"].push_back({{"file", r.where.file}, {"line", r.where.line}, {"column", r.where.column}, {"message", r.message}});
  }
  return item;
}

std::string render_json(const std::vector<Diagnostic>& sorted, const RenderContext& context) {
  nlohmann::ordered_json root;
  root["diagnostics"] = nlohmann::ordered_json::array();
  for (const auto& d : sorted) root["diagnostics"].push_back(diagnostic_to_json(d));
  Counts counts = count(sorted);
  root["summary"] = {{"files", context.summary.files},
                     {"questions", context.summary.questions},
                     {"errors", counts.errors},
                     {"warnings", counts.warnings}};
  return dump_json(root, 2) + "\n";
}

}  // namespace qbank::output
