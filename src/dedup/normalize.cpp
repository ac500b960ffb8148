#include "dedup/normalize.hpp"

#include <algorithm>
#include <array>

#include <utf8proc.h>

#include "core/text.hpp"

namespace qbank::dedup {

namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

void push_space(std::string& out) {
  if (!out.empty() && out.back() != ' ') out += ' ';
}

// Words that carry no meaning of their own in a question line: articles, auxiliaries, the
// question stems people swap when they reword ("What is" / "Explain" / "Define" / "Describe").
// "Difference between A and B" asks what "A vs B" asks. "how", "why", "when", "difference"
// stay: they change what is asked. Sorted for binary search.
constexpr std::array<std::string_view, 49> k_stop_words{
    "a", "about", "an", "and", "are", "as", "at", "be", "between", "briefly",
    "by", "can", "could", "define", "describe", "describing", "detail", "did", "do", "does",
    "explain", "for", "from", "give", "in", "into", "is", "it", "its", "me",
    "of", "on", "or", "please", "s", "tell", "that", "the", "this", "to",
    "versus", "vs", "was", "we", "what", "whats", "with", "you", "your"};

}  // namespace

std::string exact_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  if (is_ascii(text)) {  // the common case, without a utf8proc round trip: NFKC is the identity
    for (char c : text) {
      char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      if (ascii_alnum(lower)) out += lower;
      else push_space(out);
    }
  } else {
    std::string folded = text::fold_case_nfkc(text);
    const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
    std::size_t offset = 0;
    while (offset < folded.size()) {
      utf8proc_int32_t cp = 0;
      auto length = utf8proc_iterate(data + offset, static_cast<utf8proc_ssize_t>(folded.size() - offset), &cp);
      if (length <= 0) { ++offset; push_space(out); continue; }
      auto category = utf8proc_category(cp);
      bool keep = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO);  // letters, marks, numbers
      if (keep) out.append(folded, offset, static_cast<std::size_t>(length));
      else push_space(out);
      offset += static_cast<std::size_t>(length);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string_view> split_words(std::string_view key) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < key.size()) {
    auto end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    if (end > start) out.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_stop_word(std::string_view word) { return std::binary_search(k_stop_words.begin(), k_stop_words.end(), word); }

void stem_into(std::string_view word, std::string& w) {
  w.assign(word);
  // A suffix comes off only when `keep` letters stay, so short words ("red", "gas") survive.
  auto ends = [&](std::string_view suffix, std::size_t keep = 3) { return w.size() >= suffix.size() + keep && w.ends_with(suffix); };
  auto cut = [&](std::size_t n) { w.resize(w.size() - n); };
  if (ends("ences")) cut(5);
  else if (ends("ence")) cut(4);
  else if (ends("ies")) { cut(3); w += 'y'; }
  else if (ends("ing")) cut(3);
  else if (ends("ed")) cut(2);
  else if (ends("ly")) cut(2);
  else if (ends("sses", 2) || ends("xes", 2) || ends("zes", 2) || ends("ches", 2) || ends("shes", 2)) cut(2);
  // Plural "s", but not "ss" (loss), "us" (bonus), "is" (analysis).
  if (ends("s") && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) cut(1);
}

std::string stem(std::string_view word) {
  std::string w;
  stem_into(word, w);
  return w;
}

std::uint64_t hash_word(std::string_view word) { return std::hash<std::string_view>{}(word); }

void word_hashes(std::string_view text, std::vector<std::uint64_t>& out) {
  std::string key = exact_key(text);
  std::string stemmed;
  std::size_t start = 0;
  while (start < key.size()) {
    auto end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    std::string_view word(key.data() + start, end - start);
    if (!is_stop_word(word)) {
      stem_into(word, stemmed);
      out.push_back(hash_word(stemmed));
    }
    start = end + 1;
  }
}

std::vector<std::string> words(std::string_view text) {
  std::string key = exact_key(text);
  std::vector<std::string> out;
  for (auto word : split_words(key))
    if (!is_stop_word(word)) out.push_back(stem(word));
  return out;
}

}  // namespace qbank::dedup
