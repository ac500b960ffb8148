#include "core/markdown_scan.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "core/cmark_lock.hpp"

namespace qbank::markdown {

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

bool wants(std::initializer_list<ItemKind> kinds, ItemKind kind) { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); }

// Cheap pre-checks: most fields are prose with none of the characters these constructs need.
bool may_hold(std::string_view text, std::initializer_list<ItemKind> kinds) {
  if ((wants(kinds, ItemKind::html) || wants(kinds, ItemKind::link)) && text.find('<') != std::string_view::npos) return true;
  if ((wants(kinds, ItemKind::link) || wants(kinds, ItemKind::image)) && text.find("](") != std::string_view::npos) return true;
  if (wants(kinds, ItemKind::link) && text.find("]:") != std::string_view::npos) return true;  // reference definitions
  if (wants(kinds, ItemKind::heading)) {
    if (text.find('#') != std::string_view::npos) return true;
    // A setext underline: a line of only '=' or only '-' under a paragraph line.
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = std::min(text.find('\n', start), text.size());
      std::string_view line = text.substr(start, end - start);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      if (start > 0 && !line.empty() &&
          (line.find_first_not_of('=') == std::string_view::npos || line.find_first_not_of('-') == std::string_view::npos))
        return true;
      start = end + 1;
    }
  }
  return false;
}

int block_line(cmark_node* node) {
  for (cmark_node* n = node; n; n = cmark_node_parent(n)) {
    int line = cmark_node_get_start_line(n);
    if (line > 0) return line;
  }
  return 1;
}

std::string lower_prefix(std::string_view url, std::size_t n) {
  std::string out;
  for (char c : url.substr(0, n)) {
    if (c == ' ' || c == '\t' || c == '\n') continue;  // "java script:" is not a scheme; browsers strip these
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::vector<Item> scan(std::string_view markdown, std::initializer_list<ItemKind> kinds) {
  std::vector<Item> items;
  if (!may_hold(markdown, kinds)) return items;
  std::call_once(cmark_registration_once(), cmark_gfm_core_extensions_ensure_registered);
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document;
  {
    std::lock_guard lock(cmark_finish_mutex());
    document.reset(cmark_parser_finish(parser.get()));
  }
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document.get()));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    auto type = cmark_node_get_type(node);
    Item item{ItemKind::html, {}, block_line(node)};
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
      item.kind = ItemKind::html;
      const char* literal = cmark_node_get_literal(node);
      item.text = literal ? literal : "";
      while (!item.text.empty() && (item.text.back() == '\n' || item.text.back() == ' ')) item.text.pop_back();
    } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      item.kind = type == CMARK_NODE_LINK ? ItemKind::link : ItemKind::image;
      const char* url = cmark_node_get_url(node);
      item.text = url ? url : "";
    } else if (type == CMARK_NODE_HEADING) {
      item.kind = ItemKind::heading;
      item.text = std::to_string(cmark_node_get_heading_level(node));
    } else {
      continue;
    }
    if (wants(kinds, item.kind)) items.push_back(std::move(item));
  }
  return items;
}

bool is_unsafe_url(std::string_view url) {
  std::string head = lower_prefix(url, 32);
  for (std::string_view scheme : {"javascript:", "vbscript:", "file:"})
    if (head.starts_with(scheme)) return true;
  if (head.starts_with("data:")) {
    for (std::string_view image : {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"})
      if (head.starts_with(image)) return false;
    return true;
  }
  return false;
}

bool is_local_path(std::string_view url) {
  if (url.empty() || url.front() == '#' || url.starts_with("//")) return false;
  for (char c : url) {
    if (c == ':') return false;  // a scheme (or a Windows drive, which is no bank path either)
    if (c == '/' || c == '?' || c == '#') break;
  }
  return true;
}

}  // namespace qbank::markdown
