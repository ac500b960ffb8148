// A Markdown document parsed with cmark-gfm (tables, strikethrough, autolinks), kept together
// with its source text so that the importer can walk the AST and still hand out each block as
// the author wrote it (answers stay the author's Markdown, not cmark's re-rendering).
// A large document may be parsed in parts (see document_parts.hpp): each MarkdownSource is then
// one part, and every line number it hands out is the document's, not the part's.
#pragma once

#include <climits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct cmark_node;

namespace qbank::importer {

// A document's text and where each of its lines starts; shared by the parts parsed from it.
class MarkdownText {
 public:
  // `text` must be valid UTF-8 without NUL bytes (the caller checks; see read_document).
  MarkdownText(std::string file, std::string text);

  const std::string& file() const { return m_file; }
  const std::string& text() const { return m_text; }
  int line_count() const { return static_cast<int>(m_line_starts.size()); }
  // Byte offset of line `line` (1-based); line_count() + 1 gives the text's size.
  std::size_t line_start(int line) const;
  // Line `line` without its line break.
  std::string_view line(int line) const;
  // Source lines [from, to] (1-based, inclusive), de-indented by `indent` spaces; the first
  // line starts at byte column `first_column` (1-based).
  std::string lines(int from, int to, int indent, int first_column = 1) const;

 private:
  std::string m_file;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;  // byte offset of each line's first byte
};

class MarkdownSource {
 public:
  // Parses lines [first_line, last_line] of `text` (the whole of it by default).
  explicit MarkdownSource(std::shared_ptr<const MarkdownText> text, int first_line = 1, int last_line = INT_MAX);
  MarkdownSource(std::string file, std::string text);  // a whole document
  ~MarkdownSource();
  MarkdownSource(const MarkdownSource&) = delete;
  MarkdownSource& operator=(const MarkdownSource&) = delete;

  const std::string& file() const { return m_text->file(); }
  cmark_node* root() const { return m_root.get(); }
  int first_line() const { return m_offset + 1; }
  int last_line() const { return m_last_line; }

  // The document's line numbers of a node of this part.
  int start_line(cmark_node* node) const;
  int end_line(cmark_node* node) const;

  // The source of blocks first..last (siblings, last may equal first), lines joined by '\n',
  // the first line from first's start column and every line de-indented by as much as the
  // first block is indented (a list item's content offset): Markdown that means the same
  // outside the list.
  std::string blocks(cmark_node* first, cmark_node* last) const;
  std::string block(cmark_node* node) const { return blocks(node, node); }
  std::string lines(int from, int to, int indent, int first_column = 1) const {
    return m_text->lines(from, to, indent, first_column);
  }

 private:
  struct NodeFree {
    void operator()(cmark_node* node) const;
  };
  std::shared_ptr<const MarkdownText> m_text;
  int m_offset = 0;  // document line = cmark's line in this part + m_offset
  int m_last_line = 0;
  std::unique_ptr<cmark_node, NodeFree> m_root;
};

// Plain text of a node's inlines: text and code literals, a space for each line break.
std::string plain_text(cmark_node* node);

}  // namespace qbank::importer
