#include "core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace qbank {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::off: return "off";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off") return Severity::off;
  if (text == "warning" || text == "warn") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where, a.rule, a.message) < std::tie(b.where, b.rule, b.message);
  });
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace qbank
