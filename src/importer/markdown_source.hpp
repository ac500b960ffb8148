// A Markdown document parsed with cmark-gfm (tables, strikethrough, autolinks), kept together
// with its source text so that the importer can walk the AST and still hand out each block as
// the author wrote it (answers stay the author's Markdown, not cmark's re-rendering).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct cmark_node;

namespace qbank::importer {

class MarkdownSource {
 public:
  // `text` must be valid UTF-8 without NUL bytes (the caller checks; see read_document).
  MarkdownSource(std::string file, std::string text);
  ~MarkdownSource();
  MarkdownSource(const MarkdownSource&) = delete;
  MarkdownSource& operator=(const MarkdownSource&) = delete;

  const std::string& file() const { return m_file; }
  cmark_node* root() const { return m_root.get(); }

  // The source of blocks first..last (siblings, last may equal first), lines joined by '\n',
  // the first line from first's start column and every line de-indented by as much as the
  // first block is indented (a list item's content offset): Markdown that means the same
  // outside the list.
  std::string blocks(cmark_node* first, cmark_node* last) const;
  std::string block(cmark_node* node) const { return blocks(node, node); }
  // Source lines [from, to] of the document (1-based, inclusive), de-indented by `indent`
  // spaces; the first line starts at byte column `first_column` (1-based).
  std::string lines(int from, int to, int indent, int first_column = 1) const;

 private:
  struct NodeFree {
    void operator()(cmark_node* node) const;
  };
  std::string m_file;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;  // byte offset of each line's first byte
  std::unique_ptr<cmark_node, NodeFree> m_root;
};

// Plain text of a node's inlines: text and code literals, a space for each line break.
std::string plain_text(cmark_node* node);

int start_line(cmark_node* node);
int end_line(cmark_node* node);

}  // namespace qbank::importer
