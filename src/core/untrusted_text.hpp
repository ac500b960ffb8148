// Author text that would do more than display in an output: C0 control characters (0x1F is
// Anki's field separator; others confuse terminals and spreadsheets) and Anki's own syntax in
// card content (`{{Field}}`, `{{c1::…}}` cloze, `[sound:…]`, `[latex]…[/latex]`, `[$]`, `[$$]`,
// `[anki:tts]`, and MathJax commands that make links or styles: `\href`, `\style`, `\class`,
// `\cssId`, `\data`). The control-character and anki-syntax lint rules report them; the
// exporters strip or neutralise them. One list for both, here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qbank::untrusted {

// The first C0 control character other than tab and newline (CR included: YAML turns line
// ends into '\n', so a CR only gets in through an escape), and its offset.
std::optional<std::size_t> find_control_character(std::string_view text);
// `text` without those characters.
std::string strip_control_characters(std::string_view text);

struct AnkiSyntax {
  std::size_t offset;
  std::string_view construct;  // as written in the list, e.g. "[sound:", "\\href"
  bool mathjax;                // a MathJax command rather than an Anki tag
};
// The first Anki syntax in `text` (tags compared case-insensitively, as Anki does).
std::optional<AnkiSyntax> find_anki_syntax(std::string_view text);

// Card HTML with that syntax made inert and still shown as written: the first character of a
// tag becomes an HTML entity (Anki's tag and template regexes see `&#91;sound:`, the reader
// sees `[sound:`), a MathJax command gets a zero-width space after its backslash (MathJax
// reads an unknown control symbol instead of \href; the reader sees \href).
std::string neutralise_anki_syntax(std::string html);

}  // namespace qbank::untrusted
