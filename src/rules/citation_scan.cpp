#include "rules/citation_scan.hpp"

#include <cctype>

#include <fmt/format.h>

namespace qbank::rules {

namespace {

// U+E000..U+F8FF encode as EE 80 80 .. EF A3 BF.
std::size_t private_use_length(std::string_view text, std::size_t at) {
  if (at + 2 >= text.size()) return 0;
  auto b0 = static_cast<unsigned char>(text[at]), b1 = static_cast<unsigned char>(text[at + 1]);
  if (b0 == 0xEE && b1 >= 0x80 && b1 <= 0xBF) return 3;
  if (b0 == 0xEF && b1 >= 0x80 && b1 <= 0xA3) return 3;
  return 0;
}

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "turn" digits letters digits, as in turn0search2 / turn12news3.
std::size_t turn_token_length(std::string_view text, std::size_t at) {
  if (text.substr(at, 4) != "turn") return 0;
  std::size_t i = at + 4, digits = 0, letters = 0, tail = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) { ++i; ++digits; }
  while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) { ++i; ++letters; }
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) { ++i; ++tail; }
  return digits && letters && tail ? i - at : 0;
}

std::string printable(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size();) {
    if (std::size_t n = private_use_length(raw, i)) {
      unsigned code = ((static_cast<unsigned char>(raw[i]) & 0x0F) << 12) | ((static_cast<unsigned char>(raw[i + 1]) & 0x3F) << 6) |
                      (static_cast<unsigned char>(raw[i + 2]) & 0x3F);
      out += fmt::format("\\u{:04X}", code);
      i += n;
    } else {
      out += raw[i++];
    }
  }
  return out;
}

}  // namespace

std::optional<CitationSpan> find_citation_span(std::string_view text, std::size_t from) {
  // Every marker has a private-use character (lead byte EE or EF) or a "turn" token. Most text
  // has neither, and three memchr-speed searches say so before the character-by-character walk.
  if (from >= text.size()) return std::nullopt;
  std::string_view rest = text.substr(from);
  if (rest.find('\xEE') == std::string_view::npos && rest.find('\xEF') == std::string_view::npos &&
      rest.find("turn") == std::string_view::npos)
    return std::nullopt;
  for (std::size_t i = from; i < text.size(); ++i) {
    if (private_use_length(text, i)) {
      // Take the whole marker: private-use characters and the letters/digits between them.
      std::size_t end = i;
      while (end < text.size() && (private_use_length(text, end) || is_alnum(text[end])))
        end += private_use_length(text, end) ? 3 : 1;
      return CitationSpan{i, end - i};
    }
    bool word_start = i == 0 || !is_alnum(text[i - 1]);
    if (!word_start) continue;
    if (text.substr(i, 4) == "cite") {
      if (std::size_t n = turn_token_length(text, i + 4)) return CitationSpan{i, 4 + n};
    } else if (std::size_t n = turn_token_length(text, i)) {
      if (i + n == text.size() || !is_alnum(text[i + n])) return CitationSpan{i, n};
    }
  }
  return std::nullopt;
}

std::optional<std::string> find_citation_artifact(std::string_view text) {
  auto span = find_citation_span(text, 0);
  if (!span) return std::nullopt;
  return printable(text.substr(span->offset, span->length));
}

std::size_t remove_citation_artifacts(std::string& text) {
  std::string out;
  std::size_t removed = 0, copied_to = 0;
  for (auto span = find_citation_span(text, 0); span; span = find_citation_span(text, span->offset + span->length)) {
    std::size_t start = span->offset;
    // "…handson-ml3 <marker>" becomes "…handson-ml3": take the one space that introduced it.
    if (start > copied_to && text[start - 1] == ' ') --start;
    out.append(text, copied_to, start - copied_to);
    copied_to = span->offset + span->length;
    ++removed;
  }
  if (removed == 0) return 0;
  out.append(text, copied_to, std::string::npos);
  text = std::move(out);
  return removed;
}

}  // namespace qbank::rules
