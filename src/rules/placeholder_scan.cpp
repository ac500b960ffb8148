#include "rules/placeholder_scan.hpp"

#include <array>
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

// Lower case, two characters at least.
constexpr std::array<std::string_view, 9> k_phrases{
    "to be continued", "coming soon", "lorem ipsum", "(continuation of", "answer goes here",
    "insert answer", "to be written", "fill this in", "write the answer here"};

// Of the phrases that occur in `text` in any case, the first in list order, at its first
// occurrence. One pass over the text: the phrases are compared only where the next two
// characters begin one of them (a bit per character pair), which few places in prose do; this
// is about twice as fast as a pass that tries every phrase at each matching first letter.

std::optional<std::string_view> find_phrase(std::string_view text) {
  static const auto k_pair_starts = [] {
    std::array<std::uint64_t, 65536 / 64> bits{};
    for (auto phrase : k_phrases) {
      unsigned pair = static_cast<unsigned char>(phrase[0]) << 8 | static_cast<unsigned char>(phrase[1]);
      bits[pair / 64] |= std::uint64_t{1} << (pair % 64);
    }
    return bits;
  }();
  if (text.size() < 2) return std::nullopt;
  std::size_t best = k_phrases.size();
  std::string_view found;
  unsigned previous = static_cast<unsigned char>(ascii_lower(text[0]));
  for (std::size_t at = 0; at + 1 < text.size() && best > 0; ++at) {
    unsigned next = static_cast<unsigned char>(ascii_lower(text[at + 1]));
    unsigned pair = previous << 8 | next;
    previous = next;
    if ((k_pair_starts[pair / 64] >> (pair % 64) & 1) == 0) continue;
    for (std::size_t p = 0; p < best; ++p) {
      std::string_view candidate = text.substr(at, k_phrases[p].size());
      if (equals_ignoring_case(candidate, k_phrases[p])) {
        best = p;
        found = candidate;
        break;
      }
    }
  }
  if (best == k_phrases.size()) return std::nullopt;
  return found;
}

}  // namespace

std::optional<std::string> find_placeholder(std::string_view text) {
  std::string_view trimmed = text::trim(text);
  // The whole text is a stub. "Answer here" only as the whole text: "the answer here is..." is prose.
  static constexpr std::array<std::string_view, 11> k_stubs{"...", "\xE2\x80\xA6", "..", "?",   "-",          "tbd",
                                                            "todo", "n/a",          "tba", "answer here", "your answer here"};
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
  if (auto phrase = find_phrase(text)) return std::string(*phrase);
  return std::nullopt;
}

}  // namespace qbank::rules
