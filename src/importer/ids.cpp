#include "importer/ids.hpp"

#include <array>
#include <set>
#include <vector>

#include <fmt/format.h>
#include <utf8proc.h>

#include "importer/classify.hpp"

namespace qbank::importer {

namespace {

constexpr std::size_t k_max_words = 6;
constexpr std::size_t k_max_length = 50;

// Accents and case folded away, letters outside a-z dropped: "Géron" -> "geron".
std::string ascii_fold(std::string_view text) {
  utf8proc_uint8_t* folded = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()), &folded,
                        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  std::string out = n >= 0 ? std::string(reinterpret_cast<char*>(folded), static_cast<std::size_t>(n)) : lower_ascii(text);
  std::free(folded);
  return out;
}

// Words of the text: runs of a-z0-9; Markdown punctuation, code ticks and links' URLs aside.
std::vector<std::string> words_of(std::string_view markdown) {
  std::string folded = ascii_fold(markdown);
  std::vector<std::string> words;
  std::string word;
  bool in_url = false;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    char c = i < folded.size() ? folded[i] : ' ';
    if (c == '(' && i > 0 && folded[i - 1] == ']') in_url = true;  // [text](url): skip the url
    if (in_url) {
      if (c == ')') in_url = false;
      continue;
    }
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      word += c;
    } else if (c == '\'' && !word.empty()) {
      continue;  // "model's" -> "models"
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  return words;
}

// Question stems that carry no meaning of their own, longest first.
constexpr std::array<std::array<std::string_view, 4>, 16> k_stems{{
    {"what", "is", "the", "difference"},
    {"what", "are", "the", "differences"},
    {"what", "is", "meant", "by"},
    {"what", "do", "you", "mean"},
    {"how", "do", "you", ""},
    {"how", "would", "you", ""},
    {"can", "you", "explain", ""},
    {"what", "is", "a", ""},
    {"what", "is", "an", ""},
    {"what", "is", "the", ""},
    {"what", "are", "the", ""},
    {"what", "is", "", ""},
    {"what", "are", "", ""},
    {"whats", "", "", ""},
    {"explain", "", "", ""},
    {"define", "", "", ""},
}};

bool is_article(std::string_view word) { return word == "a" || word == "an" || word == "the"; }

}  // namespace

std::string id_from_text(std::string_view markdown) {
  auto words = words_of(markdown);
  std::size_t start = 0;
  for (const auto& stem : k_stems) {
    std::size_t n = 0;
    while (n < stem.size() && !stem[n].empty()) ++n;
    if (words.size() <= n) continue;  // keep something
    bool match = true;
    for (std::size_t k = 0; k < n && match; ++k) match = words[k] == stem[k];
    if (match) {
      start = n;
      // "What is the difference between X and Y" -> "difference-x-and-y" reads worse than "x-and-y".
      if (start < words.size() - 1 && words[start] == "between") ++start;
      break;
    }
  }
  std::string id;
  std::size_t count = 0;
  for (std::size_t i = start; i < words.size() && count < k_max_words; ++i) {
    if (is_article(words[i]) && words.size() - start > 1) continue;
    if (!id.empty() && id.size() + 1 + words[i].size() > k_max_length) break;
    id += (id.empty() ? "" : "-") + words[i].substr(0, k_max_length);
    ++count;
  }
  return id;
}

void assign_ids(ImportedBank& bank) {
  std::set<std::string> used;
  std::size_t position = 0;
  for (auto& section : bank.sections)
    for (auto& q : section.questions) {
      ++position;
      std::string base = q.id;
      bool given = !base.empty();
      if (!given) base = id_from_text(q.question);
      if (base.empty()) base = fmt::format("question-{}", position);
      std::string id = base;
      for (int n = 2; used.contains(id); ++n) id = fmt::format("{}-{}", base, n);
      if (given && id != base)
        bank.notes.push_back({q.source, fmt::format("the id '{}' is already taken: this question became '{}'", base, id)});
      used.insert(id);
      q.id = std::move(id);
    }
}

}  // namespace qbank::importer
