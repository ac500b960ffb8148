#include "core/untrusted_text.hpp"

#include <array>
#include <cctype>

namespace qbank::untrusted {

namespace {
bool is_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n'; }

// Anki's tags (case-insensitive) and template markers; `{{` covers fields and cloze deletions.
constexpr std::array<std::string_view, 9> k_anki_tags{"{{", "[sound:", "[latex]", "[/latex]", "[$]",
                                                      "[/$]", "[$$]", "[/$$]", "[anki:"};
// MathJax 3's html extension (Anki loads it): links, inline CSS, classes and ids.
constexpr std::array<std::string_view, 5> k_mathjax{"\\href", "\\style", "\\class", "\\cssId", "\\data"};

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
  return true;
}

// The construct starting at text[0], if any.
std::optional<AnkiSyntax> syntax_at(std::string_view text) {
  if (text.empty() || (text[0] != '{' && text[0] != '[' && text[0] != '\\')) return std::nullopt;
  for (auto tag : k_anki_tags)
    if (starts_with_ignoring_case(text, tag)) return AnkiSyntax{0, tag, false};
  for (auto command : k_mathjax) {
    // A whole command name: \href but not \hrefx (TeX reads letters up to the first non-letter).
    if (text.starts_with(command) &&
        (text.size() == command.size() || !std::isalpha(static_cast<unsigned char>(text[command.size()]))))
      return AnkiSyntax{0, command, true};
  }
  return std::nullopt;
}
}  // namespace

std::optional<std::size_t> find_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (is_control(static_cast<unsigned char>(text[i]))) return i;
  return std::nullopt;
}

std::string strip_control_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (!is_control(static_cast<unsigned char>(c))) out += c;
  return out;
}

std::optional<AnkiSyntax> find_anki_syntax(std::string_view text) {
  for (std::size_t i = text.find_first_of("{[\\"); i != std::string_view::npos; i = text.find_first_of("{[\\", i + 1)) {
    if (auto found = syntax_at(text.substr(i))) {
      found->offset = i;
      return found;
    }
  }
  return std::nullopt;
}

std::string neutralise_anki_syntax(std::string html) {
  if (!find_anki_syntax(html)) return html;  // nearly always: no copy
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    auto found = syntax_at(html.substr(i));
    if (!found) {
      out += html[i];
    } else if (found->mathjax) {
      out += "\\&#8203;";
    } else {
      out += html[i] == '{' ? "&#123;" : "&#91;";
    }
  }
  return out;
}

}  // namespace qbank::untrusted
