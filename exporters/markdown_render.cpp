#include "exporters/markdown_render.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "core/cmark_lock.hpp"
#include "core/markdown_limits.hpp"
#include "core/text.hpp"
#include "core/untrusted_text.hpp"
#include "exporters/math_spans.hpp"

namespace qbank::exporters::markdown {

namespace {

constexpr const char* k_extensions[] = {"table", "strikethrough", "autolink"};

struct Document {
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;
  ~Document() {
    if (root) cmark_node_free(root);
    if (parser) cmark_parser_free(parser);
  }
};

void parse(Document& document, std::string_view text) {
  std::call_once(cmark_registration_once(), cmark_gfm_core_extensions_ensure_registered);
  document.parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : k_extensions)
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(document.parser, extension);
  cmark_parser_feed(document.parser, text.data(), text.size());
  std::lock_guard lock(cmark_finish_mutex());
  document.root = cmark_parser_finish(document.parser);
}

std::vector<cmark_node*> nodes_of(cmark_node* root) {
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (event == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return nodes;
}

cmark_node* text_node(std::string_view text) {
  cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(node, std::string(text).c_str());
  return node;
}

// Moves `from`'s children in front of `from`, then deletes it.
void unwrap(cmark_node* from) {
  while (cmark_node* child = cmark_node_first_child(from)) {
    cmark_node_unlink(child);
    cmark_node_insert_before(from, child);
  }
  cmark_node_free(from);
}

// An HTML block as a paragraph of its lines, as text.
void html_block_to_text(cmark_node* block) {
  cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
  std::string_view literal = text::trim(cmark_node_get_literal(block) ? cmark_node_get_literal(block) : "");
  for (std::size_t at = 0; at <= literal.size();) {
    std::size_t end = std::min(literal.find('\n', at), literal.size());
    if (at > 0) cmark_node_append_child(paragraph, cmark_node_new(CMARK_NODE_SOFTBREAK));
    cmark_node_append_child(paragraph, text_node(literal.substr(at, end - at)));
    at = end + 1;
  }
  cmark_node_insert_before(block, paragraph);
  cmark_node_free(block);
}

// `text` as a tree of plain-text paragraphs (one per run of non-blank lines), without parsing
// it: the renderer escapes whatever Markdown would read in it.
cmark_node* plain_text_tree(std::string_view text) {
  cmark_node* root = cmark_node_new(CMARK_NODE_DOCUMENT);
  cmark_node* paragraph = nullptr;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = std::min(text.find('\n', at), text.size());
    std::string_view line = text::trim(text.substr(at, end - at));
    at = end + 1;
    if (line.empty()) {
      paragraph = nullptr;
      continue;
    }
    if (!paragraph) cmark_node_append_child(root, paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH));
    else cmark_node_append_child(paragraph, cmark_node_new(CMARK_NODE_SOFTBREAK));
    cmark_node_append_child(paragraph, text_node(line));
  }
  return root;
}

// The first paragraph as a heading of `level`; false when the text does not start with one.
bool first_paragraph_to_heading(cmark_node* root, int level) {
  cmark_node* paragraph = cmark_node_first_child(root);
  if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) return false;
  // Inline literals point into their paragraph's text, which goes with the paragraph: each
  // gets a copy of its own before they move.
  for (cmark_node* node : nodes_of(paragraph)) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE) {
      std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
      cmark_node_set_literal(node, literal.c_str());
    }
  }
  cmark_node* heading = cmark_node_new(CMARK_NODE_HEADING);
  cmark_node_set_heading_level(heading, level);
  while (cmark_node* child = cmark_node_first_child(paragraph)) {
    cmark_node_unlink(child);
    cmark_node_type type = cmark_node_get_type(child);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {  // a heading is one line
      cmark_node_free(child);
      child = text_node(" ");
    }
    cmark_node_append_child(heading, child);
  }
  cmark_node_insert_before(paragraph, heading);
  cmark_node_free(paragraph);
  return true;
}

void make_safe(cmark_node* root, const RenderOptions& options) {
  std::vector<cmark_node*> headings;
  for (cmark_node* node : nodes_of(root)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HTML_BLOCK: html_block_to_text(node); break;
      case CMARK_NODE_HTML_INLINE: {
        std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        std::replace(literal.begin(), literal.end(), '\n', ' ');
        cmark_node_insert_before(node, text_node(literal));
        cmark_node_free(node);
        break;
      }
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        const char* url = cmark_node_get_url(node);
        if (!safe_url(url ? url : "")) unwrap(node);
        break;
      }
      case CMARK_NODE_CODE_BLOCK: {
        const char* info = cmark_node_get_fence_info(node);
        if (!info || !*info) cmark_node_set_fence_info(node, "text");  // markdownlint MD040
        break;
      }
      case CMARK_NODE_HEADING: headings.push_back(node); break;
      default: break;
    }
  }
  // Headings move down together, keeping their steps: `#` and `##` become `####` and `#####`.
  int shallowest = 6;
  for (cmark_node* heading : headings) shallowest = std::min(shallowest, cmark_node_get_heading_level(heading));
  int shift = std::max(0, options.min_heading - shallowest);
  for (cmark_node* heading : headings)
    cmark_node_set_heading_level(heading, std::min(6, cmark_node_get_heading_level(heading) + shift));
}

// A math span as Markdown text that shows it as written: every character Markdown could read
// (backslashes included, or `\(` would show as `(`) backslash-escaped.
std::string escape_math(std::string_view span) {
  std::string out;
  for (char c : span) {
    if (std::string_view("\\*_[]<>`!&~|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// The CommonMark renderer writes the placeholders' control characters as `&#2;` and `&#3;`.
std::string restore_math(std::string_view rendered, const std::vector<std::string>& spans) {
  constexpr std::string_view open = "&#2;", close = "&#3;";
  std::string out;
  std::size_t at = 0;
  for (std::size_t start; (start = rendered.find(open, at)) != std::string_view::npos;) {
    std::size_t end = rendered.find(close, start);
    if (end == std::string_view::npos) break;
    out += rendered.substr(at, start - at);
    std::size_t index = std::strtoul(std::string(rendered.substr(start + open.size(), end - start - open.size())).c_str(), nullptr, 10);
    if (index < spans.size()) out += escape_math(spans[index]);
    at = end + close.size();
  }
  out += rendered.substr(at);
  return out;
}

std::string render_tree(cmark_node* root, std::size_t width) {
  std::unique_ptr<char, decltype(&std::free)> rendered(cmark_render_commonmark(root, CMARK_OPT_DEFAULT, static_cast<int>(width)),
                                                        std::free);
  std::string out = rendered ? rendered.get() : "";
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string render_blocks(cmark_node* container, std::size_t width, bool tight);

// One block on its own (moved into a document of its own; the tree is ours to take apart).
std::string render_block(cmark_node* block, std::size_t width) {
  const bool code = cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK;
  cmark_node* document = cmark_node_new(CMARK_NODE_DOCUMENT);
  cmark_node_unlink(block);
  cmark_node_append_child(document, block);
  std::string out = render_tree(document, width);
  cmark_node_free(document);
  // cmark-gfm writes "``` python"; the usual form, and what the old export wrote, is "```python".
  std::size_t fence = out.find_first_not_of(out.empty() ? '`' : out[0]);
  if (code && fence != std::string::npos && fence >= 3 && out[fence] == ' ') out.erase(fence, 1);
  return out;
}

// cmark-gfm's renderer writes bullets as "  - " and ordered items as "1.  ", which
// markdownlint flags (MD007, MD030): lists are laid out here instead, each item's blocks
// rendered and indented under a "- " or "1. " marker.
std::string render_list(cmark_node* list, std::size_t width) {
  const bool tight = cmark_node_get_list_tight(list);
  const bool bullet = cmark_node_get_list_type(list) == CMARK_BULLET_LIST;
  int number = cmark_node_get_list_start(list);
  const char* delimiter = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ")" : ".";
  std::string out;
  std::vector<cmark_node*> items;
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) items.push_back(item);
  for (cmark_node* item : items) {
    std::string marker = bullet ? std::string("- ") : std::to_string(number++) + delimiter + " ";
    std::string content = render_blocks(item, std::max<std::size_t>(width > marker.size() ? width - marker.size() : 0, 20), tight);
    if (!out.empty()) out += tight ? "\n" : "\n\n";
    std::string indent(marker.size(), ' ');
    bool first = true;
    for (std::size_t at = 0; at <= content.size();) {
      std::size_t end = std::min(content.find('\n', at), content.size());
      std::string_view line = std::string_view(content).substr(at, end - at);
      if (!first) out += '\n';
      if (!line.empty()) out += (first ? marker : indent) + std::string(line);
      else if (first) out += marker.substr(0, marker.size() - 1);
      first = false;
      at = end + 1;
    }
  }
  return out;
}

// A block quote laid out here too, so that lists inside it get the same markers: its blocks
// rendered, each line behind "> " (">" alone on a blank line, no trailing space).
std::string render_quote(cmark_node* quote, std::size_t width) {
  std::string content = render_blocks(quote, std::max<std::size_t>(width > 2 ? width - 2 : 0, 20), false);
  std::string out;
  for (std::size_t at = 0; at <= content.size();) {
    std::size_t end = std::min(content.find('\n', at), content.size());
    std::string_view line = std::string_view(content).substr(at, end - at);
    if (!out.empty()) out += '\n';
    out += line.empty() ? std::string(">") : "> " + std::string(line);
    at = end + 1;
  }
  return out;
}

std::string render_blocks(cmark_node* container, std::size_t width, bool tight) {
  std::vector<cmark_node*> blocks;
  for (cmark_node* block = cmark_node_first_child(container); block; block = cmark_node_next(block)) blocks.push_back(block);
  std::string out;
  bool last_was_fence = false;
  for (cmark_node* block : blocks) {
    cmark_node_type type = cmark_node_get_type(block);
    std::string part = type == CMARK_NODE_LIST          ? render_list(block, width)
                       : type == CMARK_NODE_BLOCK_QUOTE ? render_quote(block, width)
                                                        : render_block(block, width);
    if (part.empty()) continue;
    // markdownlint (MD031) wants blank lines around fences, also in a tight list item.
    bool fence = type == CMARK_NODE_CODE_BLOCK;
    if (!out.empty()) out += tight && !fence && !last_was_fence ? "\n" : "\n\n";
    last_was_fence = fence;
    out += part;
  }
  return out;
}

}  // namespace

bool safe_url(std::string_view url) {
  // A scheme is letters (and + - .) before a ':' that comes before any '/', '?' or '#'.
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || url.substr(0, colon).find_first_of("/?#") != std::string_view::npos) return true;
  std::string scheme;
  for (char c : url.substr(0, colon)) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

std::string render(std::string_view markdown, const RenderOptions& options) {
  std::string clean = untrusted::strip_control_characters(markdown);
  Document document;
  if (qbank::markdown::over_limits(clean)) {
    // cmark-gfm can take minutes on such text, and the list layout here recurses once per
    // nesting level (lint reports it as markdown-limit, an error, so only an export with
    // --force gets here): it goes into the document as plain text, as on an Anki card.
    document.root = plain_text_tree(clean);
    if (options.first_paragraph_heading > 0) first_paragraph_to_heading(document.root, options.first_paragraph_heading);
    return render_blocks(document.root, 0, false);  // unwrapped: a wrapped line could start a list
  }
  ProtectedMath math;
  bool is_protected = needs_protection(clean);
  if (is_protected) math = protect_math(clean);
  parse(document, is_protected ? std::string_view(math.text) : std::string_view(clean));
  make_safe(document.root, options);
  if (options.first_paragraph_heading > 0) first_paragraph_to_heading(document.root, options.first_paragraph_heading);
  std::string out = render_blocks(document.root, options.width, false);
  return math.spans.empty() ? out : restore_math(out, math.spans);
}

std::string escape_text(std::string_view text) {
  // A paragraph holding one text node: the renderer escapes whatever Markdown would read.
  Document document;
  document.root = cmark_node_new(CMARK_NODE_DOCUMENT);
  cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
  std::string clean = untrusted::strip_control_characters(text);
  for (char& c : clean)
    if (c == '\n' || c == '\t') c = ' ';
  cmark_node_append_child(paragraph, text_node(text::trim(clean)));
  cmark_node_append_child(document.root, paragraph);
  return render_tree(document.root, 0);
}

}  // namespace qbank::exporters::markdown
