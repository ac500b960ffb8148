// The one diagnostics type every stage emits (loader, schema, rules, dedup, links), and the
// severity scale the config speaks. Output renderers take a sorted list of these.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qbank {

enum class Severity { off, warning, error };

std::string_view to_string(Severity severity);
// Accepts "off", "warning", "error" (and "warn"); nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view text);

// 1-based line and column; 0 means "the whole file" (no position).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  auto operator<=>(const SourceLocation&) const = default;
};

// A second place a diagnostic points at ("first defined here").
struct Related {
  SourceLocation where;
  std::string message;
};

struct Diagnostic {
  SourceLocation where;
  std::string rule;
  Severity severity = Severity::error;
  std::string message;  // in the author's terms: "question 'pca': missing required field 'answer'"
  std::string hint;     // optional: what to do about it
  std::vector<Related> related;
};

// Stable order for output: file, line, column, rule, message.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace qbank
