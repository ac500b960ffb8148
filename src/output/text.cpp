// file:line:col: severity: message [rule], compiler style, so editors and terminals link the
// position; a hint and related locations follow, indented. Colour only when asked.
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "output/render.hpp"

namespace qbank::output {

namespace {

struct Style {
  bool on;
  std::string wrap(std::string_view text, std::string_view code) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

std::string position(const SourceLocation& where) {
  if (where.line <= 0) return where.file;
  return fmt::format("{}:{}:{}", where.file, where.line, where.column > 0 ? where.column : 1);
}

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

void write_text(const std::vector<Diagnostic>& sorted, const RenderContext& context, std::ostream& out) {
  Style style{context.color};
  std::string line;  // one diagnostic's lines, reused: the report is written as it goes
  for (const auto& d : sorted) {
    line.clear();
    std::string severity = d.severity == Severity::error ? style.wrap("error", "1;31") : style.wrap("warning", "1;33");
    fmt::format_to(std::back_inserter(line), "{}: {}: {} {}\n", style.wrap(position(d.where), "1"), severity, d.message,
                   style.wrap("[" + d.rule + "]", "2"));
    if (!d.hint.empty()) fmt::format_to(std::back_inserter(line), "    {} {}\n", style.wrap("hint:", "36"), d.hint);
    for (const auto& related : d.related)
      fmt::format_to(std::back_inserter(line), "    {} {}: {}\n", style.wrap("note:", "36"), position(related.where), related.message);
    out << line;
  }
  if (context.quiet) return;
  Counts counts = count(sorted);
  std::string scope = fmt::format("{} ({})", plural(context.summary.files, "file"), plural(context.summary.questions, "question"));
  if (counts.errors == 0 && counts.warnings == 0)
    out << fmt::format("{} in {}\n", style.wrap("No problems", "1;32"), scope);
  else
    out << fmt::format("Found {} and {} in {}\n", plural(counts.errors, "error"), plural(counts.warnings, "warning"), scope);
}

std::string render_text(const std::vector<Diagnostic>& sorted, const RenderContext& context) {
  std::ostringstream out;
  write_text(sorted, context, out);
  return std::move(out).str();
}

}  // namespace qbank::output
