// The Markdown export's treatment of author Markdown: parsed by cmark-gfm (tables,
// strikethrough, autolinks) and written back from its syntax tree with the CommonMark
// renderer, never by scanning lines, so what comes out is what CommonMark reads:
// - raw HTML (blocks and inline) becomes escaped text: it shows as written, never as HTML;
// - links and images whose URL has a scheme other than http, https or mailto
//   (javascript:, data:, vbscript:, file:...) lose the URL and keep their text;
// - headings inside the text are moved down to at least `min_heading` (an answer's `# Title`
//   cannot break the document's levels), keeping their steps;
// - code blocks are fenced with a language (markdownlint MD040: `text` when none);
// - control characters are dropped; \( … \) and \[ … \] math is kept with its Markdown
//   punctuation escaped; paragraphs are wrapped at 80 columns.
// Text over the limits of core/markdown_limits.hpp is never parsed: it comes out as escaped
// plain text, one unwrapped line per paragraph.
#pragma once

#include <string>
#include <string_view>

namespace qbank::exporters::markdown {

struct RenderOptions {
  int min_heading = 4;  // the shallowest level a heading in the text may have
  // When set, the text's first paragraph becomes a heading of this level (the question as the
  // heading of its own section), word for word: a final . or : stays (the Markdown export
  // turns markdownlint's MD026 off for such a document instead).
  int first_paragraph_heading = 0;
  std::size_t width = 80;
};

// The Markdown block, safe and normalised as above; no trailing newline.
std::string render(std::string_view markdown, const RenderOptions& options = {});

// Plain text (a bank title, a section name, a link label) as Markdown inline text that shows
// exactly that text: every character Markdown would read escaped.
std::string escape_text(std::string_view text);

// Whether `url` may be a link target in the export: http, https, mailto, or no scheme.
bool safe_url(std::string_view url);

}  // namespace qbank::exporters::markdown
