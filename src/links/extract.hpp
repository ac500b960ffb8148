// Extract: every URL a bank cites, once, with all its references. Sources are the bank's and
// each question's `resources` and the links inside question/answer Markdown (inline links,
// images and autolinks, found by cmark-gfm with its autolink extension, not by a regex).
//
// Positions: a resource's reference is its URL scalar exactly. A link inside Markdown is
// reported at the Markdown field's value (question/answer), because a YAML block scalar's
// content lines cannot be mapped back to source columns without the source text; the line
// is therefore approximate (the field's line) for links in Markdown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bank/model.hpp"
#include "links/types.hpp"

namespace qbank::links {

// URLs of links in a Markdown text: absolute URLs only (relative links and fragments are not
// web resources; mailto: and tel: are not checked). In document order, duplicates kept.
std::vector<std::string> markdown_urls(std::string_view markdown);

// Every URL in the banks, deduplicated by exact string, sorted by URL; references sorted.
std::vector<Link> extract_links(const std::vector<const bank::Bank*>& banks);

}  // namespace qbank::links
