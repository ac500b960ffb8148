// GitHub Actions workflow commands: each diagnostic becomes an annotation on the PR's diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "output/render.hpp"

namespace qbank::output {

namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

void write_github(const std::vector<Diagnostic>& sorted, const RenderContext&, std::ostream& out) {
  for (const auto& d : sorted) {
    std::string properties = "file=" + escape_property(d.where.file);
    if (d.where.line > 0) properties += fmt::format(",line={},col={}", d.where.line, std::max(1, d.where.column));
    properties += ",title=" + escape_property("qbank " + d.rule);
    std::string message = d.message;
    if (!d.hint.empty()) message += "\n" + d.hint;
    out << fmt::format("::{} {}::{}\n", d.severity == Severity::error ? "error" : "warning", properties, escape_data(message));
  }
}

std::string render_github(const std::vector<Diagnostic>& sorted, const RenderContext& context) {
  std::ostringstream out;
  write_github(sorted, context, out);
  return std::move(out).str();
}

}  // namespace qbank::output
