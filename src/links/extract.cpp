#include "links/extract.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include "core/cmark_lock.hpp"
#include "core/markdown_limits.hpp"

namespace qbank::links {

namespace {

// "scheme:" per RFC 3986; anything without one is relative to the page, not a web resource.
bool has_scheme(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (char c : url) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

bool is_checkable(std::string_view url) {
  if (!has_scheme(url)) return false;
  std::string lower(url.substr(0, 7));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return !lower.starts_with("mailto:") && !lower.starts_with("tel:");
}

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

}  // namespace

std::vector<std::string> markdown_urls(std::string_view markdown) {
  std::vector<std::string> urls;
  if (markdown.find_first_of(":](<") == std::string_view::npos) return urls;  // no link can be there
  // Too large or deep for cmark-gfm to parse in bounded time: lint's markdown-limit reports it.
  if (markdown::over_limits(markdown)) return urls;
  std::call_once(cmark_registration_once(), cmark_gfm_core_extensions_ensure_registered);
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  if (cmark_syntax_extension* autolink = cmark_find_syntax_extension("autolink"))
    cmark_parser_attach_syntax_extension(parser.get(), autolink);
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
    if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) continue;
    const char* url = cmark_node_get_url(node);
    if (url && is_checkable(url)) urls.emplace_back(url);
  }
  return urls;
}

std::vector<Link> extract_links(const std::vector<const bank::Bank*>& banks) {
  std::map<std::string, std::vector<SourceLocation>> found;
  auto add_resources = [&](const std::vector<bank::Resource>& resources) {
    for (const auto& resource : resources) {
      if (!resource.url.empty()) found[resource.url].push_back(resource.where);
      for (auto& url : markdown_urls(resource.description)) found[url].push_back(resource.where);
    }
  };
  auto add_markdown = [&](const std::string& text, const SourceLocation& where) {
    for (auto& url : markdown_urls(text)) found[url].push_back(where);
  };
  for (const bank::Bank* bank : banks) {
    add_resources(bank->info.resources);
    for (const auto& section : bank->sections) {
      for (const auto& question : section.questions) {
        add_markdown(question.question, question.question_at);
        add_markdown(question.answer, question.answer_at);
        add_resources(question.resources);
      }
    }
  }
  std::vector<Link> links;
  links.reserve(found.size());
  for (auto& [url, references] : found) {
    std::sort(references.begin(), references.end());
    references.erase(std::unique(references.begin(), references.end()), references.end());
    links.push_back(Link{url, std::move(references)});
  }
  return links;
}

}  // namespace qbank::links
