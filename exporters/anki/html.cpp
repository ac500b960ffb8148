#include "exporters/anki/html.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

#include "core/text.hpp"

namespace qbank::exporters::anki {

namespace {

// Math spans are swapped for placeholders before cmark sees the text: cmark would read `\(`
// as an escaped parenthesis (eating the backslash) and `_`/`*` inside math as emphasis.
// The placeholders are \x02<n>\x03, which cmark copies through unchanged; any \x02 or \x03 in
// the input itself (only possible through a YAML escape) is dropped first.
struct ProtectedMath {
  std::string text;
  std::vector<std::string> spans;
};

bool escaped_at(std::string_view text, std::size_t i) {
  std::size_t backslashes = 0;
  while (i > backslashes && text[i - backslashes - 1] == '\\') ++backslashes;
  return backslashes % 2 == 1;
}

ProtectedMath protect_math(std::string_view markdown) {
  ProtectedMath result;
  std::size_t i = 0;
  while (i < markdown.size()) {
    bool opens = markdown[i] == '\\' && i + 1 < markdown.size() && (markdown[i + 1] == '(' || markdown[i + 1] == '[') &&
                 !escaped_at(markdown, i);
    if (opens) {
      std::string_view close = markdown[i + 1] == '(' ? "\\)" : "\\]";
      std::size_t end = markdown.find(close, i + 2);
      if (end != std::string_view::npos) {
        end += 2;
        result.text += '\x02';
        result.text += std::to_string(result.spans.size());
        result.text += '\x03';
        result.spans.emplace_back(markdown.substr(i, end - i));
        i = end;
        continue;
      }
    }
    if (markdown[i] != '\x02' && markdown[i] != '\x03') result.text += markdown[i];
    ++i;
  }
  return result;
}

// Whether protect_math would change `markdown` at all: only a "\\(" or "\\[" or a \x02/\x03
// byte can make it. Most fields have none, and then cmark gets the text as it is (no copy).
bool needs_protection(std::string_view markdown) {
  if (markdown.find('\x02') != std::string_view::npos || markdown.find('\x03') != std::string_view::npos) return true;
  for (std::size_t i = markdown.find('\\'); i != std::string_view::npos; i = markdown.find('\\', i + 1)) {
    if (i + 1 < markdown.size() && (markdown[i + 1] == '(' || markdown[i + 1] == '[')) return true;
  }
  return false;
}

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

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

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
// One parser per thread, reused: cmark_parser_finish resets it for the next document and keeps
// its extensions (a new parser per field, set up each time, was ~7% of the rendering).
cmark_parser* thread_parser(int options) {
  thread_local std::unique_ptr<cmark_parser, ParserDeleter> parser = [options] {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    std::unique_ptr<cmark_parser, ParserDeleter> made(cmark_parser_new(options));
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
        cmark_parser_attach_syntax_extension(made.get(), extension);
    }
    return made;
  }();
  return parser.get();
}
}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  // CMARK_OPT_SAFE is the default in this cmark-gfm; it is named so the intent is visible,
  // and CMARK_OPT_UNSAFE is never set.
  const int options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;
  cmark_parser* parser = thread_parser(options);
  ProtectedMath input;
  bool is_protected = needs_protection(markdown);
  if (is_protected) input = protect_math(markdown);
  std::string_view text = is_protected ? std::string_view(input.text) : markdown;
  // Nothing between feed and finish can throw, so the shared parser never keeps half a document.
  cmark_parser_feed(parser, text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser));
  std::unique_ptr<char, decltype(&std::free)> rendered(
      cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser)), &std::free);
  std::string_view html(rendered.get());
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
