// Bounds on Markdown text before it reaches cmark-gfm. cmark-gfm 0.29 (Debian 12) has inputs
// whose parse time grows with the square of their size: deeply nested list or block quote
// markers followed by brackets (70 KB took 21 s, 110 KB over a minute) and table rows with
// thousands of cells (64 KB: 23 s). Within these limits every such shape renders in well under
// a second. The `markdown-limit` lint rule reports a field over them (an error), and every
// caller that hands Markdown to cmark-gfm (card HTML, link extraction) checks first and
// treats an over-limit field as plain text, so no command can hang whatever the config says.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qbank::markdown {

inline constexpr std::size_t k_max_bytes = 32 * 1024;  // per field; the longest bundled answer is ~1 KB
inline constexpr std::size_t k_max_depth = 32;         // nested list items and block quotes
inline constexpr std::size_t k_max_table_cells = 256;  // '|' in one line

// What is over a limit, in words ("is 48,000 bytes long, over the limit of 32,768"), or nullopt
// when cmark-gfm may be given the text.
std::optional<std::string> over_limits(std::string_view markdown);

}  // namespace qbank::markdown
