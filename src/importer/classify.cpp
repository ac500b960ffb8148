#include "importer/classify.hpp"

#include <array>
#include <cctype>
#include <tuple>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "core/text.hpp"

namespace qbank::importer {

namespace {

struct Word {
  std::string_view word, difficulty;
};
constexpr std::array k_words{
    Word{"basic", "basic"},       Word{"beginner", "basic"},     Word{"easy", "basic"},
    Word{"junior", "basic"},      Word{"intermediate", "intermediate"}, Word{"medium", "intermediate"},
    Word{"mid", "intermediate"},  Word{"advanced", "advanced"},  Word{"hard", "advanced"},
    Word{"expert", "advanced"},   Word{"senior", "advanced"},    Word{"difficult", "advanced"},
};

std::string_view difficulty_of_word(std::string_view word) {
  std::string lower = lower_ascii(word);
  for (const auto& w : k_words)
    if (w.word == lower) return w.difficulty;
  return {};
}

// Emoji that documents use as difficulty; stars count (⭐ basic, ⭐⭐ intermediate, ⭐⭐⭐ advanced).
std::string_view difficulty_of_emoji(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x1F476: case 0x1F423: case 0x1F331: case 0x1F7E2: case 0x1F7E9:  // 👶 🐣 🌱 🟢 🟩
      return "basic";
    case 0x1F7E1: case 0x1F7E8: case 0x1F7E0:  // 🟡 🟨 🟠
      return "intermediate";
    case 0x1F680: case 0x1F525: case 0x1F534: case 0x1F7E5: case 0x1F480:  // 🚀 🔥 🔴 🟥 💀
      return "advanced";
    default:
      return {};
  }
}

bool is_star(utf8proc_int32_t cp) { return cp == 0x2B50 || cp == 0x1F31F; }

// Joiners and selectors that ride along with emoji.
bool is_emoji_glue(utf8proc_int32_t cp) { return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF); }

bool is_decoration(utf8proc_int32_t cp) {
  if (is_emoji_glue(cp) || cp == ' ' || cp == '\t') return true;
  auto category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_SO || category == UTF8PROC_CATEGORY_SK || category == UTF8PROC_CATEGORY_CO ||
         category == UTF8PROC_CATEGORY_ZS;
}

// Decodes `text` into code points with their byte offsets.
std::vector<std::pair<utf8proc_int32_t, std::size_t>> code_points(std::string_view text) {
  std::vector<std::pair<utf8proc_int32_t, std::size_t>> out;
  for (std::size_t at = 0; at < text.size();) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at), static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0) n = 1, cp = static_cast<unsigned char>(text[at]);
    out.emplace_back(cp, at);
    at += static_cast<std::size_t>(n);
  }
  return out;
}

// At most the first or last 64 bytes of `text`, cut at a UTF-8 boundary: markers sit at the
// ends, and answers can be long.
std::string_view end_of(std::string_view text, bool at_end, std::size_t& offset) {
  offset = 0;
  if (text.size() <= 64) return text;
  if (!at_end) {
    std::size_t n = 64;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n);
  }
  offset = text.size() - 64;
  while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
  return text.substr(offset);
}

// An emoji run at the start or end of `text`: its difficulty and its byte length.
std::pair<std::string_view, std::size_t> emoji_marker(std::string_view whole, bool at_end) {
  std::size_t offset = 0;
  std::string_view text = end_of(whole, at_end, offset);
  auto cps = code_points(text);
  std::size_t stars = 0, taken = 0;
  std::string_view named;
  for (std::size_t k = 0; k < cps.size(); ++k) {
    auto cp = cps[at_end ? cps.size() - 1 - k : k].first;
    if (cp == ' ' || is_emoji_glue(cp)) { ++taken; continue; }
    if (is_star(cp)) { ++stars, ++taken; continue; }
    std::string_view d = difficulty_of_emoji(cp);
    if (d.empty() || !named.empty()) break;
    named = d;
    ++taken;
  }
  if (stars > 0 && named.empty()) named = stars == 1 ? "basic" : stars == 2 ? "intermediate" : "advanced";
  if (named.empty()) return {{}, 0};
  std::size_t bytes = 0;
  if (taken == cps.size()) bytes = at_end ? text.size() : text.size() + offset;
  else if (at_end) bytes = text.size() - cps[cps.size() - taken].second;
  else bytes = cps[taken].second;
  return {named, bytes};
}

// "(basic)", "[Advanced]", "{easy}" at the end or start.
std::pair<std::string_view, std::size_t> bracket_marker(std::string_view text, bool at_end) {
  if (text.size() < 3) return {{}, 0};
  std::size_t open = 0, close = 0;
  if (at_end) {
    char last = text.back();
    char want = last == ')' ? '(' : last == ']' ? '[' : last == '}' ? '{' : 0;
    if (!want) return {{}, 0};
    open = text.rfind(want);
    close = text.size() - 1;
    if (open == std::string_view::npos) return {{}, 0};
  } else {
    char first = text.front();
    char want = first == '(' ? ')' : first == '[' ? ']' : first == '{' ? '}' : 0;
    if (!want) return {{}, 0};
    close = text.find(want);
    if (close == std::string_view::npos) return {{}, 0};
  }
  std::string_view d = difficulty_of_word(text::trim(text.substr(open + 1, close - open - 1)));
  if (d.empty()) return {{}, 0};
  return {d, at_end ? text.size() - open : close + 1};
}

}  // namespace

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string take_difficulty_marker(std::string& text) {
  std::string found;
  for (bool at_end : {true, false}) {
    for (int round = 0; round < 2; ++round) {  // "(basic) 👶" has two
      std::string_view view = text::trim(text);
      auto [d, bytes] = bracket_marker(view, at_end);
      if (d.empty()) std::tie(d, bytes) = emoji_marker(view, at_end);
      if (d.empty()) break;
      if (found.empty()) found = d;
      view = at_end ? view.substr(0, view.size() - bytes) : view.substr(bytes);
      text = std::string(text::trim(view));
    }
  }
  return found;
}

std::string heading_word_difficulty(std::string_view name) {
  std::string_view trimmed = text::trim(name);
  std::size_t end = 0;
  while (end < trimmed.size() && std::isalpha(static_cast<unsigned char>(trimmed[end]))) ++end;
  return std::string(difficulty_of_word(trimmed.substr(0, end)));
}

std::string strip_decoration(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at), static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0 || !is_decoration(cp)) break;
    at += static_cast<std::size_t>(n);
  }
  return std::string(text::trim(text.substr(at)));
}

bool take_question_prefix(std::string& text) {
  std::string_view view = text::trim(text);
  std::size_t i = 0;
  std::string rest;
  if (is_question_label(view, rest)) {
    text = rest;
    return true;
  }
  if (!view.empty() && (view[0] == 'Q' || view[0] == 'q') && view.size() > 1 && std::isdigit(static_cast<unsigned char>(view[1]))) i = 1;
  std::size_t digits = i;
  while (digits < view.size() && std::isdigit(static_cast<unsigned char>(view[digits]))) ++digits;
  if (digits == i || digits >= view.size()) return false;
  if (view[digits] != '.' && view[digits] != ')' && view[digits] != ':') return false;
  if (digits + 1 < view.size() && view[digits + 1] != ' ') return false;
  text = std::string(text::trim(view.substr(digits + 1)));
  return true;
}

bool looks_like_question(std::string_view text) {
  std::string copy(text::trim(text));
  take_difficulty_marker(copy);
  std::string rest;
  if (is_question_label(copy, rest)) return true;
  // Bold or code around the whole question: "**What is X?**".
  while (!copy.empty() && (copy.back() == '*' || copy.back() == '_' || copy.back() == ' ')) copy.pop_back();
  return !copy.empty() && (copy.back() == '?' || copy.ends_with("\xEF\xBC\x9F"));  // also the full-width '？'
}

namespace {
bool is_label(std::string_view text, std::initializer_list<std::string_view> labels, std::string& rest) {
  std::string_view view = text::trim(text);
  for (std::string_view label : labels) {
    if (view.size() < label.size() + 1) continue;
    if (lower_ascii(view.substr(0, label.size())) != label) continue;
    std::size_t at = label.size();
    while (at < view.size() && view[at] == ' ') ++at;
    if (at >= view.size() || view[at] != ':') continue;
    rest = std::string(text::trim(view.substr(at + 1)));
    return true;
  }
  return false;
}
}  // namespace

bool is_answer_label(std::string_view text, std::string& rest) { return is_label(text, {"answer", "ans", "a"}, rest); }
bool is_question_label(std::string_view text, std::string& rest) { return is_label(text, {"question", "q"}, rest); }

bool is_resources_title(std::string_view text) {
  if (text.size() > 80) return false;  // a heading or a label, not a paragraph
  std::string lower = lower_ascii(strip_decoration(text));
  while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
  for (std::string_view word : {"resources", "resource", "further reading", "reading list", "references", "links",
                                "useful links", "see also", "bibliography", "sources", "repositories", "learn more",
                                "recommended reading"})
    if (lower == word || lower.ends_with(" " + std::string(word))) return true;
  return false;
}

bool is_contents_title(std::string_view text) {
  if (text.size() > 40) return false;
  std::string lower = lower_ascii(strip_decoration(text));
  return lower == "contents" || lower == "table of contents" || lower == "toc";
}

std::string kind_of_group(std::string_view label) {
  std::string lower = lower_ascii(label);
  auto has = [&](std::string_view word) { return lower.find(word) != std::string::npos; };
  if (has("repositor") || has("repos")) return "repository";
  if (has("book")) return "book";
  if (has("course")) return "course";
  if (has("video") || has("youtube")) return "video";
  if (has("blog") || has("article") || has("post")) return "article";
  return {};
}

bool is_kebab(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  char previous = 0;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

}  // namespace qbank::importer
