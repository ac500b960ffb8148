#include "core/markdown_limits.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace qbank::markdown {

namespace {

// An upper bound on how deeply the containers of a line nest: each block quote marker ('>')
// and list marker ("-", "*", "+", "1." or "1)" before a space) opens one, and a line indented
// under a list item is inside it (a nested item needs at least two more columns).
std::size_t nesting_of(std::string_view line) {
  std::size_t depth = 0, columns = 0, i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == ' ' || c == '\t') {
      // Only the indentation before the first marker counts: the spaces after a marker belong to it.
      if (depth == 0) columns += c == ' ' ? 1 : 4;
      ++i;
    } else if (c == '>') {
      ++depth;
      ++i;
    } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
      ++depth;
      ++i;
    } else if (c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9') ++j;
      bool marker = j < line.size() && (line[j] == '.' || line[j] == ')') &&
                    (j + 1 == line.size() || line[j + 1] == ' ' || line[j + 1] == '\t');
      if (!marker) break;
      ++depth;
      i = j + 1;
    } else {
      break;
    }
  }
  return depth + columns / 2;
}

}  // namespace

std::optional<std::string> over_limits(std::string_view markdown) {
  if (markdown.size() > k_max_bytes)
    return fmt::format("is {} bytes long, over the limit of {}", text::with_thousands(markdown.size()), text::with_thousands(k_max_bytes));
  std::size_t line_number = 1;
  for (std::size_t start = 0; start <= markdown.size(); ++line_number) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    if (std::size_t depth = nesting_of(line); depth > k_max_depth)
      return fmt::format("is nested {} levels deep on its line {} (lists, block quotes or indentation), over the limit of {}", depth,
                         line_number, k_max_depth);
    std::size_t cells = 0;
    for (char c : line) cells += c == '|';
    if (cells > k_max_table_cells)
      return fmt::format("has {} '|' on its line {}, over the limit of {} table cells in a row", cells, line_number,
                         k_max_table_cells);
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace qbank::markdown
