#include "dedup/normalize.hpp"

#include <algorithm>

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

std::string_view opening(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && text[cut - 1] != ' ' && text[cut - 1] != '\n') --cut;
  if (cut == 0) {  // one "word" of 64 KiB: cut at a character boundary instead
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return text.substr(0, cut);
}

std::uint64_t hash_word(std::string_view word) { return std::hash<std::string_view>{}(word); }

}  // namespace qbank::dedup
