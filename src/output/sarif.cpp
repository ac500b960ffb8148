// SARIF 2.1.0 for GitHub code scanning (upload-sarif). Regions need startLine >= 1, so a
// whole-file finding points at line 1; URIs are relative to the checkout (%SRCROOT%).
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_dump.hpp"
#include "output/render.hpp"

namespace qbank::output {

namespace {

std::string level(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

std::string uri(const std::string& file) {
  std::string out;
  std::string_view path = file;
  if (path.starts_with("./")) path.remove_prefix(2);
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

nlohmann::ordered_json location(const SourceLocation& where, const std::string& message = {}) {
  nlohmann::ordered_json loc;
  loc["physicalLocation"]["artifactLocation"] = {{"uri", uri(where.file)}, {"uriBaseId", "%SRCROOT%"}};
  loc["physicalLocation"]["region"] = {{"startLine", std::max(1, where.line)}, {"startColumn", std::max(1, where.column)}};
  if (!message.empty()) loc["message"] = {{"text", message}};
  return loc;
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& sorted, const RenderContext& context) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& rule : context.rules)
    rules.push_back({{"id", rule.id},
                     {"shortDescription", {{"text", rule.summary}}},
                     {"defaultConfiguration", {{"level", level(rule.default_severity)}}}});

  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const auto& d : sorted) {
    nlohmann::ordered_json result;
    result["ruleId"] = d.rule;
    for (std::size_t i = 0; i < context.rules.size(); ++i)
      if (context.rules[i].id == d.rule) result["ruleIndex"] = i;
    result["level"] = level(d.severity);
    result["message"] = {{"text", d.hint.empty() ? d.message : d.message + " (" + d.hint + ")"}};
    result["locations"] = nlohmann::ordered_json::array({location(d.where)});
    if (!d.related.empty()) {
      result["relatedLocations"] = nlohmann::ordered_json::array();
      int id = 1;
      for (const auto& r : d.related) {
        auto loc = location(r.where, r.message);
        loc["id"] = id++;
        result["relatedLocations"].push_back(loc);
      }
    }
    results.push_back(result);
  }

  nlohmann::ordered_json run;
  run["tool"]["driver"] = {{"name", "qbank"},
                           {"version", QBANK_VERSION},
                           {"rules", rules}};
  run["results"] = results;
  nlohmann::ordered_json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = nlohmann::ordered_json::array({run});
  return dump_json(root, 2) + "\n";
}

}  // namespace qbank::output
