// Output renderers: pure functions of one sorted diagnostics list (and a little context), one
// file per format. `qbank lint`, `dedup` and `links` all print through these.
#pragma once

#include <filesystem>
#include <iosfwd>
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
  std::string doc;  // the rule's full documentation (`qbank rules ID`)
};

struct Summary {
  std::size_t files = 0;
  std::size_t questions = 0;
};

struct RenderContext {
  bool color = false;
  bool quiet = false;           // text: the findings only, no summary line
  std::vector<RuleInfo> rules;  // for SARIF's rule table
  Summary summary;
  // SARIF: file URIs relative to this folder (the repository root), as code scanning needs;
  // files outside it get absolute file: URIs. Empty: paths as they are.
  std::filesystem::path source_root;
};

// The repository root for SARIF: the nearest folder from `start` up that holds .git, else `start`.
std::filesystem::path find_source_root(const std::filesystem::path& start);

std::string render(Format format, const std::vector<Diagnostic>& sorted, const RenderContext& context);
// The same bytes, written to `out` as they are formatted: text and github one diagnostic at a
// time (a report is never held whole in memory); json and sarif are built, then written.
void render(Format format, const std::vector<Diagnostic>& sorted, const RenderContext& context, std::ostream& out);

std::string render_text(const std::vector<Diagnostic>& sorted, const RenderContext& context);
void write_text(const std::vector<Diagnostic>& sorted, const RenderContext& context, std::ostream& out);
std::string render_json(const std::vector<Diagnostic>& sorted, const RenderContext& context);
std::string render_github(const std::vector<Diagnostic>& sorted, const RenderContext& context);
void write_github(const std::vector<Diagnostic>& sorted, const RenderContext& context, std::ostream& out);
std::string render_sarif(const std::vector<Diagnostic>& sorted, const RenderContext& context);

// Counts by severity, shared by the renderers' summaries.
struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
};
Counts count(const std::vector<Diagnostic>& diagnostics);

}  // namespace qbank::output
