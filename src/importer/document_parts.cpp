#include "importer/document_parts.hpp"

#include <cmark-gfm.h>

namespace qbank::importer {

namespace {

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

// '#' to '######', then a space, a tab or the end of the line (CommonMark's ATX heading start;
// no indentation allowed here).
bool starts_atx_heading(std::string_view line) {
  std::size_t marks = 0;
  while (marks < line.size() && line[marks] == '#') ++marks;
  if (marks == 0 || marks > 6) return false;
  return marks == line.size() || line[marks] == ' ' || line[marks] == '\t' || line[marks] == '\r';
}

}  // namespace

bool may_cut(const MarkdownText& text) { return text.text().find("]:") == std::string::npos; }

std::vector<int> cut_lines(const MarkdownText& text) {
  std::vector<int> lines;
  bool previous_blank = false;
  for (int line = 1; line <= text.line_count(); ++line) {
    std::string_view view = text.line(line);
    if (previous_blank && line > 1 && starts_atx_heading(view)) lines.push_back(line);
    previous_blank = is_blank(view);
  }
  return lines;
}

bool ends_clean(const MarkdownSource& part) {
  int blank = part.last_line();  // the blank line before the cut
  for (cmark_node* node = cmark_node_last_child(part.root()); node; node = cmark_node_last_child(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LIST:
      case CMARK_NODE_ITEM:
      case CMARK_NODE_BLOCK_QUOTE:
        continue;  // ended by the heading line as by the end of the part
      default:
        return part.end_line(node) < blank;  // a leaf block: it ended before the blank line
    }
  }
  return true;
}

}  // namespace qbank::importer
