// Math written as \( … \) or \[ … \] must reach the output as written, but cmark would read
// `\(` as an escaped parenthesis (eating the backslash) and `_`/`*` inside math as emphasis.
// So math spans are swapped for placeholders (\x02<n>\x03, which cmark keeps as
// text) before cmark sees the text, and put back into what it rendered. Any \x02 or \x03 in
// the input itself is dropped first. Used by the Markdown export and the Anki card HTML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qbank::exporters {

struct ProtectedMath {
  std::string text;                // the input with each span replaced by its placeholder
  std::vector<std::string> spans;  // the spans as written, delimiters included
};

// Whether protect_math would change `markdown` at all (most fields have no math: no copy).
bool needs_protection(std::string_view markdown);
ProtectedMath protect_math(std::string_view markdown);

}  // namespace qbank::exporters
