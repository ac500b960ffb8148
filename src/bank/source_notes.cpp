#include "bank/source_notes.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"

namespace qbank::bank {

namespace {


constexpr std::string_view k_marker = "# qbank: disable=";

// The column (0-based) of a suppression comment in `line`, or npos. A '#' starts a comment
// only at the start of the line or after white space.
std::size_t suppression_at(std::string_view line) {
  for (std::size_t at = line.find(k_marker); at != std::string_view::npos; at = line.find(k_marker, at + 1))
    if (at == 0 || line[at - 1] == ' ' || line[at - 1] == '\t') return at;
  return std::string_view::npos;
}

// The question whose range holds `line` (1-based), or -1.
int owner_of(const Section& section, int line) {
  for (std::size_t i = 0; i < section.questions.size(); ++i)
    if (line >= section.questions[i].where.line && line <= section.questions[i].last_line) return static_cast<int>(i);
  return -1;
}

}  // namespace

void read_suppressions(Section& section, std::string_view content) {
  for (auto& q : section.questions) q.first_line = q.where.line;
  if (content.find(k_marker) == std::string_view::npos) return;
  std::vector<std::string_view> lines = text::split_lines(content);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::size_t at = suppression_at(lines[i]);
    if (at == std::string_view::npos) continue;
    int line = static_cast<int>(i) + 1;
    int owner = -1;
    if (text::trim(lines[i]).starts_with('#')) {
      // On a line of its own: the question that starts after the comments and blank lines below.
      std::size_t next = i + 1;
      while (next < lines.size() && (text::trim(lines[next]).empty() || text::trim(lines[next]).starts_with('#'))) ++next;
      for (std::size_t q = 0; q < section.questions.size(); ++q)
        if (section.questions[q].where.line == static_cast<int>(next) + 1) owner = static_cast<int>(q);
      if (owner >= 0) section.questions[owner].first_line = std::min(section.questions[owner].first_line, line);
    }
    if (owner < 0) owner = owner_of(section, line);
    if (owner < 0) continue;
    std::string_view ids = lines[i].substr(at + k_marker.size());
    ids = ids.substr(0, ids.find_first_of(" \t#"));
    int column = static_cast<int>(at + k_marker.size()) + 1;
    for (std::size_t start = 0; start <= ids.size();) {
      std::size_t end = std::min(ids.find(',', start), ids.size());
      std::string_view id = text::trim(ids.substr(start, end - start));
      if (!id.empty())
        section.questions[owner].suppressions.push_back({std::string(id), {section.file, line, column + static_cast<int>(start)}});
      start = end + 1;
    }
  }
}

std::vector<std::size_t> line_starts(std::string_view content) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = content.find('\n'); i != std::string_view::npos; i = content.find('\n', i + 1)) starts.push_back(i + 1);
  return starts;
}

void find_cut_text(Question& question, const char* field, const YamlNode& value, std::string_view content,
                   const std::vector<std::size_t>& starts, const std::string& file) {
  if (!value.is_scalar() || value.tag() != "?") return;  // quoted and block scalars keep their '#'
  YAML::Mark mark = value.mark();
  if (mark.line < 0 || mark.column < 0) return;
  // The node keeps line and column only (columns are bytes here).
  if (static_cast<std::size_t>(mark.line) >= starts.size()) return;
  std::size_t line_start = starts[static_cast<std::size_t>(mark.line)];
  std::size_t pos = line_start + static_cast<std::size_t>(mark.column);
  if (pos > content.size()) return;
  std::size_t line_end = content.find('\n', pos);
  if (line_end == std::string_view::npos) line_end = content.size();
  std::string_view rest = content.substr(pos, line_end - pos);
  if (rest.ends_with('\r')) rest.remove_suffix(1);
  // A single-line plain scalar: its text is at the mark, and a comment may follow on the line.
  const std::string& text = value.scalar();
  if (!rest.starts_with(text)) return;
  std::string_view after = rest.substr(text.size());
  std::size_t spaces = after.find_first_not_of(" \t");
  if (spaces == std::string_view::npos || after[spaces] != '#') return;
  // Two spaces before '#' is how a comment is meant (yamllint's default); one space is the
  // mistake: "What does # mean in Python?". A suppression comment is meant, too.
  if (spaces != 1 || after.substr(spaces).starts_with(k_marker)) return;
  std::string_view line = content.substr(line_start, pos - line_start);
  std::string whole(text::trim(rest));
  std::string escaped;
  for (char c : whole) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  CutText cut;
  cut.field = field;
  cut.comment = std::string(text::trim(after));
  std::size_t indent = line.find_first_not_of(' ');
  cut.corrected = fmt::format("{}\"{}\"", line.substr(indent == std::string_view::npos ? line.size() : indent), escaped);
  cut.where = {file, mark.line + 1, mark.column + static_cast<int>(text.size()) + static_cast<int>(spaces) + 1};
  question.cut_texts.push_back(std::move(cut));
}

}  // namespace qbank::bank
