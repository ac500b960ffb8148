#include "rules/placeholder_scan.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"

namespace qbank::rules {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// A capitalised marker as a word of its own: "TODO" and "TODO:" but not "TODOS" or "todo list".
std::optional<std::string> find_marker(std::string_view text) {
  static constexpr std::array<std::string_view, 3> k_markers{"TODO", "TBD", "FIXME"};
  for (auto marker : k_markers) {
    for (auto at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
      bool starts = at == 0 || !is_word_char(text[at - 1]);
      bool ends = at + marker.size() == text.size() || !is_word_char(text[at + marker.size()]);
      if (starts && ends) return std::string(marker);
    }
  }
  return std::nullopt;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower;
}

}  // namespace

std::optional<std::string> find_placeholder(std::string_view text) {
  std::string_view trimmed = text::trim(text);
  // The whole text is a stub.
  static constexpr std::array<std::string_view, 9> k_stubs{"...", "\xE2\x80\xA6", "..", "?", "-", "tbd", "todo", "n/a", "tba"};
  std::string lower_trimmed = ascii_lower(trimmed);
  for (auto stub : k_stubs)
    if (lower_trimmed == stub) return std::string(trimmed);
  // A line of its own that is only an ellipsis, inside longer text.
  for (std::size_t start = 0; start < trimmed.size();) {
    auto end = trimmed.find('\n', start);
    if (end == std::string_view::npos) end = trimmed.size();
    auto line = text::trim(trimmed.substr(start, end - start));
    if (line == "..." || line == "\xE2\x80\xA6") return std::string(line);
    start = end + 1;
  }
  if (auto marker = find_marker(text)) return marker;
  static constexpr std::array<std::string_view, 9> k_phrases{
      "to be continued", "coming soon", "lorem ipsum", "(continuation of", "answer goes here",
      "insert answer", "to be written", "fill this in", "write the answer here"};
  std::string lower = ascii_lower(text);
  for (auto phrase : k_phrases)
    if (auto at = lower.find(phrase); at != std::string::npos) return std::string(text.substr(at, phrase.size()));
  return std::nullopt;
}

}  // namespace qbank::rules
