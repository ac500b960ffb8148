#include "output/render.hpp"

#include <ostream>
#include <sstream>

namespace qbank::output {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "github") return Format::github;
  if (name == "sarif") return Format::sarif;
  return std::nullopt;
}

std::string render(Format format, const std::vector<Diagnostic>& sorted, const RenderContext& context) {
  switch (format) {
    case Format::text: return render_text(sorted, context);
    case Format::json: return render_json(sorted, context);
    case Format::github: return render_github(sorted, context);
    case Format::sarif: return render_sarif(sorted, context);
  }
  return {};
}

void render(Format format, const std::vector<Diagnostic>& sorted, const RenderContext& context, std::ostream& out) {
  switch (format) {
    case Format::text: write_text(sorted, context, out); return;
    case Format::github: write_github(sorted, context, out); return;
    case Format::json: out << render_json(sorted, context); return;
    case Format::sarif: out << render_sarif(sorted, context); return;
  }
}

std::filesystem::path find_source_root(const std::filesystem::path& start) {
  std::error_code error;
  std::filesystem::path dir = std::filesystem::absolute(start, error).lexically_normal();
  for (auto at = dir; !at.empty(); at = at.parent_path()) {
    if (std::filesystem::exists(at / ".git", error)) return at;
    if (at == at.parent_path()) break;
  }
  return dir;
}

Counts count(const std::vector<Diagnostic>& diagnostics) {
  Counts counts;
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error) ++counts.errors;
    else if (d.severity == Severity::warning) ++counts.warnings;
  }
  return counts;
}

}  // namespace qbank::output
