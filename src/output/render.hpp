// Output renderers: pure functions of one sorted diagnostics list (and a little context), one
// file per format. `qbank lint`, `dedup` and `links` all print through these.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace qbank::output {

enum class Format { text, json, github, sarif };
std::optional<Format> parse_format(std::string_view name);

struct RuleInfo {
  std::string id;
  std::string summary;
  Severity default_severity = Severity::error;
};

struct Summary {
  std::size_t files = 0;
  std::size_t questions = 0;
};

struct RenderContext {
  bool color = false;
  std::vector<RuleInfo> rules;  // for SARIF's rule table
  Summary summary;
};

std::string render(Format format, const std::vector<Diagnostic>& sorted, const RenderContext& context);

std::string render_text(const std::vector<Diagnostic>& sorted, const RenderContext& context);
std::string render_json(const std::vector<Diagnostic>& sorted, const RenderContext& context);
std::string render_github(const std::vector<Diagnostic>& sorted, const RenderContext& context);
std::string render_sarif(const std::vector<Diagnostic>& sorted, const RenderContext& context);

// Counts by severity, shared by the renderers' summaries.
struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
};
Counts count(const std::vector<Diagnostic>& diagnostics);

}  // namespace qbank::output
