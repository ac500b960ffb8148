#include "rules/placeholder_scan.hpp"

#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <optional>

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

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (ascii_lower(text[i]) != lower[i]) return false;
  return true;
}

// Of the phrases (lower case) that occur in `text` in any case, the first in list order, at its
// first occurrence. One pass over the text; at each character only the phrases that start with
// it (a bit mask per byte) are compared.
template <std::size_t N>
std::optional<std::string_view> find_phrase(std::string_view text, const std::array<std::string_view, N>& phrases) {
  static_assert(N <= 32);
  std::array<std::uint32_t, 256> starting_with{};
  for (std::size_t p = 0; p < N; ++p) {
    char first = phrases[p][0];
    starting_with[static_cast<unsigned char>(first)] |= 1u << p;
    if (first >= 'a' && first <= 'z') starting_with[static_cast<unsigned char>(first - 'a' + 'A')] |= 1u << p;
  }
  std::size_t best = N;
  std::string_view found;
  for (std::size_t at = 0; at < text.size() && best > 0; ++at) {
    for (std::uint32_t mask = starting_with[static_cast<unsigned char>(text[at])]; mask != 0; mask &= mask - 1) {
      auto p = static_cast<std::size_t>(std::countr_zero(mask));
      if (p >= best) break;
      std::string_view candidate = text.substr(at, phrases[p].size());
      if (equals_ignoring_case(candidate, phrases[p])) {
        best = p;
        found = candidate;
        break;
      }
    }
  }
  if (best == N) return std::nullopt;
  return found;
}

}  // namespace

std::optional<std::string> find_placeholder(std::string_view text) {
  std::string_view trimmed = text::trim(text);
  // The whole text is a stub.
  static constexpr std::array<std::string_view, 9> k_stubs{"...", "\xE2\x80\xA6", "..", "?", "-", "tbd", "todo", "n/a", "tba"};
  for (auto stub : k_stubs)
    if (equals_ignoring_case(trimmed, stub)) return std::string(trimmed);
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
  if (auto phrase = find_phrase(text, k_phrases)) return std::string(*phrase);
  return std::nullopt;
}

}  // namespace qbank::rules
