// Link lists as resources: each item's first link is the URL, its bold text or link text the
// title, the rest of the item the description. Repeats (by normalised URL) are kept once.
#include <fmt/format.h>

#include "core/text.hpp"
#include "dedup/url.hpp"
#include "importer/markdown_label.hpp"
#include "importer/recognizer.hpp"

namespace qbank::importer {

namespace {

cmark_node* first_link(cmark_node* node) {
  cmark_node* found = nullptr;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(current) == CMARK_NODE_LINK) {
      found = current;
      break;
    }
  }
  cmark_iter_free(iter);
  return found;
}

// The plain text of a paragraph's first line.
std::string first_line_plain(cmark_node* paragraph) {
  std::string out;
  for (cmark_node* child = cmark_node_first_child(paragraph); child; child = cmark_node_next(child)) {
    auto type = cmark_node_get_type(child);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) break;
    out += plain_text(child);
  }
  return std::string(text::trim(out));
}

cmark_node* leading_strong(cmark_node* paragraph) {
  cmark_node* first = cmark_node_first_child(paragraph);
  return first && cmark_node_get_type(first) == CMARK_NODE_STRONG && !first_link(first) ? first : nullptr;
}

// What follows the link ("): description", " - description", and the lines after), or with a
// title line of its own ("**Book** by Author" / description / link), every line after it.
std::string description_after(const std::string& src, const std::string& url, bool title_line_separate) {
  auto line_end = src.find('\n');
  if (title_line_separate) return tidy(line_end == std::string::npos ? "" : src.substr(line_end + 1));
  auto at = src.rfind(url);
  if (at == std::string::npos) return tidy(src);
  std::size_t after = at + url.size();
  for (int i = 0; i < 2 && after < src.size() && (src[after] == '>' || src[after] == ')'); ++i) ++after;
  std::string_view tail = text::trim(std::string_view(src).substr(after));
  for (std::string_view dash : {":", "-", "\xE2\x80\x93", "\xE2\x80\x94"})  // ':' '-' en dash, em dash
    if (tail.starts_with(dash)) {
      tail = text::trim(tail.substr(dash.size()));
      break;
    }
  return tidy(tail);
}

}  // namespace

void Recognizer::add_resource(ImportedResource resource) {
  std::vector<ImportedResource>* list = &m_bank.resources;
  if (m_resources_for_question && question()) list = &question()->resources;
  std::string key = dedup::normalize_url(resource.url);
  for (auto& existing : *list)
    if (dedup::normalize_url(existing.url) == key) {
      note(resource.source.line, fmt::format("'{}' is listed again (first at {}:{}): kept once", resource.url,
                                             existing.source.file, existing.source.line));
      if (existing.title.empty()) existing.title = resource.title;
      if (existing.description.empty()) existing.description = resource.description;
      return;
    }
  list->push_back(std::move(resource));
}

// A paragraph or list item holding a link.
void Recognizer::resources_in(cmark_node* block, int line) {
  cmark_node* lead = cmark_node_get_type(block) == CMARK_NODE_ITEM ? cmark_node_first_child(block) : block;
  cmark_node* link = lead ? first_link(block) : nullptr;
  std::string src = cmark_node_get_type(block) == CMARK_NODE_ITEM && lead ? m_doc->blocks(lead, cmark_node_last_child(block))
                                                                           : m_doc->block(block);
  const char* url = link ? cmark_node_get_url(link) : nullptr;
  if (!url || !*url || std::string_view(url).starts_with("#")) {
    keep_unplaced(src, line, "text without a link in a resource list");
    return;
  }
  ImportedResource resource;
  resource.url = url;
  resource.kind = m_resource_kind;
  resource.source = at(line);
  cmark_node* strong = lead && cmark_node_get_type(lead) == CMARK_NODE_PARAGRAPH ? leading_strong(lead) : nullptr;
  std::string link_text(text::trim(plain_text(link)));
  bool separate_title = strong && m_doc->start_line(link) != m_doc->start_line(lead);
  if (separate_title) {
    resource.title = first_line_plain(lead);  // "**Book** by Author", the link lines below
  } else if (strong) {
    resource.title = std::string(text::trim(plain_text(strong)));
  } else if (link_text != resource.url && "http://" + link_text != resource.url) {
    resource.title = link_text;
  }
  // The link's line in the source spells the URL as written (cmark adds "http://" to "www.").
  std::string written = resource.url;
  if (src.find(written) == std::string::npos && written.starts_with("http://")) written = written.substr(7);
  resource.description = description_after(src, written, separate_title);
  if (strong && !separate_title) {
    // "**Title** [link](url): description": the title is not part of the description.
    std::string inside, after;
    if (split_leading_bold(src, inside, after)) resource.description = description_after(after, written, false);
  }
  add_resource(std::move(resource));
}

void Recognizer::resource_list(cmark_node* list) {
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item))
    resources_in(item, m_doc->start_line(item));
}

}  // namespace qbank::importer
