#include "exporters/anki/html.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <new>

#include "core/cmark_lock.hpp"
#include "core/markdown_limits.hpp"
#include "core/text.hpp"
#include "exporters/math_spans.hpp"

namespace qbank::exporters::anki {

namespace {

// Puts back, HTML-escaped, the math spans protect_math (math_spans.hpp) took out.
std::string restore_math(std::string_view html, const std::vector<std::string>& spans) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '\x02') {
      std::size_t end = html.find('\x03', i);
      if (end != std::string_view::npos) {
        std::size_t index = std::strtoul(std::string(html.substr(i + 1, end - i - 1)).c_str(), nullptr, 10);
        if (index < spans.size()) {
          out += escape_html(spans[index]);
          i = end + 1;
          continue;
        }
      }
    }
    out += html[i++];
  }
  return out;
}

bool safe_url(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://", "mailto:"}) {
    if (url.size() < scheme.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < scheme.size() && match; ++i)
      match = (url[i] | 0x20) == scheme[i] || url[i] == scheme[i];
    if (match) return true;
  }
  return false;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
// cmark-gfm allocates every node, buffer and list of a document separately; for a bank that is
// millions of small allocations and frees, and on a fresh heap each first touch of a page is
// a fault (~10 us on the benchmark's VM), which together cost as much as the parsing. So each
// thread parses into its own arena: blocks kept from document to document, handed out in
// order, all released at once when the document is rendered. (cmark-gfm's own arena is one
// global and cannot be shared by the threads that render notes at once.)
class CmarkArena {
 public:
  static cmark_mem* allocator() {
    static cmark_mem mem = {calloc_in_arena, realloc_in_arena, free_in_arena};
    return &mem;
  }
  // Forgets every allocation (the memory is reused by the next document). After an unusually
  // large document it lets go of the blocks beyond the first few and of oversized ones.
  static void reset() {
    Arena& arena = current();
    arena.block = 0;
    arena.used = 0;
    std::erase_if(arena.blocks, [](const Block& block) { return block.size != k_block_size; });
    if (arena.blocks.size() > k_blocks_kept) arena.blocks.resize(k_blocks_kept);
  }
  // Resets the arena when the rendering of a document ends, returning or throwing.
  struct Scope {
    Scope() = default;
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    ~Scope() { reset(); }
  };

 private:
  static constexpr std::size_t k_block_size = std::size_t{64} << 10;
  static constexpr std::size_t k_blocks_kept = 16;
  static constexpr std::size_t k_header = 16;  // each allocation's size, keeping 16-byte alignment
  struct Block {
    std::unique_ptr<unsigned char[]> bytes;
    std::size_t size;
  };
  struct Arena {
    std::vector<Block> blocks;
    std::size_t block = 0;  // the block being filled
    std::size_t used = 0;   // bytes used in it
  };
  static Arena& current() {
    thread_local Arena arena;
    return arena;
  }
  static Block new_block(std::size_t needed) {
    std::size_t size = std::max(needed, k_block_size);
    return {std::make_unique_for_overwrite<unsigned char[]>(size), size};  // calloc zeroes what it hands out
  }

  static void* allocate(std::size_t size) {
    Arena& arena = current();
    const std::size_t needed = k_header + (size + 15) / 16 * 16;
    while (arena.block < arena.blocks.size() && arena.blocks[arena.block].size - arena.used < needed) {
      if (arena.used == 0) {
        arena.blocks[arena.block] = new_block(needed);  // empty but too small: a big enough one instead
        break;
      }
      ++arena.block;  // this one is full: on to the next
      arena.used = 0;
    }
    if (arena.block == arena.blocks.size()) arena.blocks.push_back(new_block(needed));
    unsigned char* at = arena.blocks[arena.block].bytes.get() + arena.used;
    arena.used += needed;
    std::memcpy(at, &size, sizeof size);
    return at + k_header;
  }
  static std::size_t size_of(void* pointer) {
    std::size_t size;
    std::memcpy(&size, static_cast<unsigned char*>(pointer) - k_header, sizeof size);
    return size;
  }
  // cmark does not check for null (its default allocator aborts instead), and an exception
  // must not unwind through C: out of memory here ends the program as it would in cmark.
  [[noreturn]] static void out_of_memory() {
    std::fputs("qbank: out of memory while rendering Markdown\n", stderr);
    std::abort();
  }
  static void* calloc_in_arena(std::size_t count, std::size_t size) {
    if (size != 0 && count > std::numeric_limits<std::size_t>::max() / 2 / size) out_of_memory();
    try {
      void* block = allocate(count * size);
      std::memset(block, 0, count * size);
      return block;
    } catch (const std::bad_alloc&) {
      out_of_memory();
    }
  }
  static void* realloc_in_arena(void* pointer, std::size_t size) {
    if (size > std::numeric_limits<std::size_t>::max() / 2) out_of_memory();
    if (pointer && size_of(pointer) >= size) return pointer;
    try {
      void* grown = allocate(size);
      if (pointer) std::memcpy(grown, pointer, size_of(pointer));
      return grown;
    } catch (const std::bad_alloc&) {
      out_of_memory();
    }
  }
  static void free_in_arena(void*) {}  // released with the whole arena by reset()
};

// The GFM extensions qbank renders with (safe mode also filters raw HTML tags).
constexpr const char* k_extensions[] = {"table", "strikethrough", "autolink", "tagfilter"};
}  // namespace

std::string markdown_to_html(std::string_view markdown, const ImageSource* image_src) {
  // CMARK_OPT_SAFE is the default in this cmark-gfm; it is named so the intent is visible,
  // and CMARK_OPT_UNSAFE is never set.
  const int options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;
  // cmark-gfm can take minutes on such input (lint reports it as markdown-limit, an error, so
  // only an export with --force gets here): the field goes on the card as plain text.
  if (markdown::over_limits(markdown)) return "<p>" + escape_html(markdown) + "</p>";
  std::call_once(cmark_registration_once(), cmark_gfm_core_extensions_ensure_registered);
  ProtectedMath input;
  bool is_protected = needs_protection(markdown);
  if (is_protected) input = protect_math(markdown);
  std::string_view text = is_protected ? std::string_view(input.text) : markdown;

  // Everything cmark allocates from here on is in this thread's arena, which is reset when this
  // function returns (after the result is copied out) or throws.
  CmarkArena::Scope arena;
  cmark_parser* parser = cmark_parser_new_with_mem(options, CmarkArena::allocator());
  for (const char* name : k_extensions) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, extension);
  }
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* document = nullptr;
  {
    std::lock_guard lock(cmark_finish_mutex());
    document = cmark_parser_finish(parser);
  }
  if (image_src && markdown.find("](") != std::string_view::npos) {
    cmark_iter* iter = cmark_iter_new(document);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_IMAGE) continue;
      const char* url = cmark_node_get_url(node);
      if (auto src = (*image_src)(url ? url : "")) cmark_node_set_url(node, src->c_str());
    }
    cmark_iter_free(iter);
  }
  const char* rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
  std::string_view html(rendered);
  while (!html.empty() && html.back() == '\n') html.remove_suffix(1);
  return input.spans.empty() ? std::string(html) : restore_math(html, input.spans);
}

std::string resources_html(const std::vector<bank::Resource>& resources) {
  std::string out;
  for (const auto& resource : resources) {
    if (!safe_url(resource.url)) continue;
    std::string label = resource.title.empty() ? resource.url : resource.title;
    out += "<li><a href=\"" + escape_html(resource.url) + "\">" + escape_html(label) + "</a>";
    if (!resource.description.empty()) out += " — " + escape_html(text::trim(resource.description));
    out += "</li>";
  }
  return out.empty() ? out : "<ul class=\"resources\">" + out + "</ul>";
}

std::string strip_html(std::string_view html) {
  std::string text;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      // Anki drops style and script blocks with their content, comments, then any tag.
      for (std::string_view block : {"style", "script"}) {
        if (html.compare(i + 1, block.size(), block) == 0) {
          std::size_t end = html.find("</" + std::string(block), i);
          if (end != std::string_view::npos) i = end;
        }
      }
      std::size_t end = html.compare(i, 4, "<!--") == 0 ? html.find("-->", i) : html.find('>', i);
      if (end == std::string_view::npos) break;
      i = end + (html[end] == '-' ? 3 : 1);
      continue;
    }
    if (html[i] == '&') {
      static constexpr std::pair<std::string_view, std::string_view> k_entities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
      bool decoded = false;
      for (auto [entity, replacement] : k_entities) {
        if (html.compare(i, entity.size(), entity) == 0) {
          text += replacement;
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    text += html[i++];
  }
  return std::string(text::trim(text));
}

}  // namespace qbank::exporters::anki
