// SARIF 2.1.0 for GitHub code scanning (upload-sarif). Regions need startLine >= 1, so a
// whole-file finding points at line 1. URIs are relative to the repository root (%SRCROOT%),
// which is how code scanning matches them to files whatever folder qbank ran in; each rule
// carries its documentation (fullDescription, help) and a helpUri.
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_dump.hpp"
#include "output/render.hpp"

namespace qbank::output {

namespace {

std::string level(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

// Where each rule's documentation lives on the web; one page per id.
constexpr std::string_view k_rule_docs = "https://qbank.dev/rules/";

std::string percent_encode(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

nlohmann::ordered_json artifact(const std::string& file, const std::filesystem::path& root) {
  std::string_view path = file;
  if (path.starts_with("./")) path.remove_prefix(2);
  if (root.empty()) return {{"uri", percent_encode(path)}, {"uriBaseId", "%SRCROOT%"}};
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(std::filesystem::path(path), error).lexically_normal();
  std::filesystem::path relative = absolute.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != "..")
    return {{"uri", percent_encode(relative.generic_string())}, {"uriBaseId", "%SRCROOT%"}};
  return {{"uri", "file://" + percent_encode(absolute.generic_string())}};
}

nlohmann::ordered_json location(const SourceLocation& where, const std::filesystem::path& root, const std::string& message = {}) {
  nlohmann::ordered_json loc;
  loc["physicalLocation"]["artifactLocation"] = artifact(where.file, root);
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
                     {"fullDescription", {{"text", rule.doc.empty() ? rule.summary : rule.doc}}},
                     {"helpUri", std::string(k_rule_docs) + rule.id},
                     {"help", {{"text", rule.doc.empty() ? rule.summary : rule.doc}}},
                     {"defaultConfiguration", {{"level", level(rule.default_severity)}}}});

  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const auto& d : sorted) {
    nlohmann::ordered_json result;
    result["ruleId"] = d.rule;
    for (std::size_t i = 0; i < context.rules.size(); ++i)
      if (context.rules[i].id == d.rule) result["ruleIndex"] = i;
    result["level"] = level(d.severity);
    result["message"] = {{"text", d.hint.empty() ? d.message : d.message + " (" + d.hint + ")"}};
    result["locations"] = nlohmann::ordered_json::array({location(d.where, context.source_root)});
    if (!d.related.empty()) {
      result["relatedLocations"] = nlohmann::ordered_json::array();
      int id = 1;
      for (const auto& r : d.related) {
        auto loc = location(r.where, context.source_root, r.message);
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
  if (!context.source_root.empty()) {
    std::string root = percent_encode(context.source_root.generic_string());
    if (!root.ends_with("/")) root += "/";
    run["originalUriBaseIds"]["%SRCROOT%"] = {{"uri", "file://" + root}};
  }
  nlohmann::ordered_json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = nlohmann::ordered_json::array({run});
  return dump_json(root, 2) + "\n";
}

}  // namespace qbank::output
