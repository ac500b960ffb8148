#include "importer/markdown_source.hpp"

#include <algorithm>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include "core/cmark_lock.hpp"

namespace qbank::importer {

MarkdownText::MarkdownText(std::string file, std::string text) : m_file(std::move(file)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i)
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
}

std::size_t MarkdownText::line_start(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return m_text.size();
  return m_line_starts[line - 1];
}

std::string_view MarkdownText::line(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t begin = m_line_starts[line - 1];
  std::size_t end = line < line_count() ? m_line_starts[line] - 1 : m_text.size();
  return std::string_view(m_text).substr(begin, end - begin);
}

std::string MarkdownText::lines(int from, int to, int indent, int first_column) const {
  std::string out;
  from = std::max(from, 1);
  to = std::min(to, line_count());
  for (int number = from; number <= to; ++number) {
    std::string_view text = line(number);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    // Only spaces are indentation here; a lazy continuation line has less than `indent`.
    std::size_t strip = 0;
    if (number == from) strip = std::min(text.size(), static_cast<std::size_t>(std::max(first_column - 1, 0)));
    else
      while (strip < text.size() && static_cast<int>(strip) < indent && text[strip] == ' ') ++strip;
    if (number > from) out += '\n';
    out += text.substr(strip);
  }
  return out;
}

void MarkdownSource::NodeFree::operator()(cmark_node* node) const { cmark_node_free(node); }

MarkdownSource::MarkdownSource(std::string file, std::string text)
    : MarkdownSource(std::make_shared<const MarkdownText>(std::move(file), std::move(text))) {}

MarkdownSource::MarkdownSource(std::shared_ptr<const MarkdownText> text, int first_line, int last_line)
    : m_text(std::move(text)) {
  first_line = std::max(first_line, 1);
  m_last_line = std::min(last_line, m_text->line_count());
  m_offset = first_line - 1;
  std::size_t begin = m_text->line_start(first_line);
  std::size_t end = std::max(begin, m_text->line_start(m_last_line + 1));

  std::call_once(cmark_registration_once(), cmark_gfm_core_extensions_ensure_registered);
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  // Tables keep answers' tables one block; autolinks make the bare URLs of link lists links.
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, extension);
  cmark_parser_feed(parser, m_text->text().data() + begin, end - begin);
  {
    std::lock_guard lock(cmark_finish_mutex());
    m_root.reset(cmark_parser_finish(parser));
  }
  cmark_parser_free(parser);
}

MarkdownSource::~MarkdownSource() = default;

int MarkdownSource::start_line(cmark_node* node) const { return cmark_node_get_start_line(node) + m_offset; }
int MarkdownSource::end_line(cmark_node* node) const { return cmark_node_get_end_line(node) + m_offset; }

std::string MarkdownSource::blocks(cmark_node* first, cmark_node* last) const {
  int from = start_line(first);
  int to = end_line(last);
  // cmark-gfm ends some HTML blocks a line before they start; their literal has every line.
  if (cmark_node_get_type(last) == CMARK_NODE_HTML_BLOCK)
    if (const char* literal = cmark_node_get_literal(last)) {
      std::string_view html(literal);
      int count = static_cast<int>(std::count(html.begin(), html.end(), '\n')) + (!html.empty() && html.back() != '\n');
      to = std::max(to, start_line(last) + count - 1);
    }
  int column = cmark_node_get_start_column(first);
  std::string out = lines(from, to, std::max(column - 1, 0), column);
  // cmark counts a block's last line to the end of its trailing blank lines in some cases.
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* current = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(current)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE:
        if (const char* literal = cmark_node_get_literal(current)) out += literal;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

}  // namespace qbank::importer
