#include "dedup/similarity.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "core/text.hpp"
#include "dedup/normalize.hpp"

namespace qbank::dedup::detail {

namespace {

using Counts = std::unordered_map<std::uint64_t, std::uint32_t>;
// An acronym's expansion, keyed by its first word: "principal" -> {"pca", [principal, component, analysis]}.
using Acronyms = std::map<std::string, std::vector<std::pair<std::string, std::vector<std::string>>>, std::less<>>;

bool is_acronym_candidate(std::string_view word) {
  return word.size() >= 2 && word.size() <= 6 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "pca principal component analysis" or "principal component analysis pca": the acronym's
// letters are the initials of the words right before or after it.
void collect_acronyms(const std::vector<std::string_view>& words, Acronyms& out) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto word = words[i];
    if (!is_acronym_candidate(word)) continue;
    std::size_t n = word.size();
    auto try_at = [&](std::size_t start) {
      if (start + n > words.size()) return;
      for (std::size_t k = 0; k < n; ++k)
        if (words[start + k].empty() || words[start + k][0] != word[k] || words[start + k] == word) return;
      std::vector<std::string> expansion(words.begin() + static_cast<std::ptrdiff_t>(start),
                                         words.begin() + static_cast<std::ptrdiff_t>(start + n));
      auto& list = out[expansion.front()];
      for (const auto& known : list)
        if (known.second == expansion) return;
      list.emplace_back(std::string(word), std::move(expansion));
    };
    if (i >= n) try_at(i - n);
    try_at(i + 1);
  }
}

// Hashes of the content words of a question's exact key, every known expansion replaced by
// its acronym. No string per word: this runs for every question of the bank.
void question_hashes(std::string_view key, const Acronyms& acronyms, std::vector<std::uint64_t>& out, std::string& buffer) {
  auto raw = split_words(key);
  for (std::size_t i = 0; i < raw.size();) {
    bool replaced = false;
    if (!acronyms.empty()) {
      if (auto it = acronyms.find(raw[i]); it != acronyms.end()) {
        for (const auto& [acronym, expansion] : it->second) {
          if (i + expansion.size() > raw.size()) continue;
          if (!std::equal(expansion.begin(), expansion.end(), raw.begin() + static_cast<std::ptrdiff_t>(i))) continue;
          out.push_back(hash_word(acronym));
          i += expansion.size();
          replaced = true;
          break;
        }
      }
    }
    if (replaced) continue;
    if (!is_stop_word(raw[i])) {
      stem_into(raw[i], buffer);
      out.push_back(hash_word(buffer));
    }
    ++i;
  }
}

WordSet to_set(std::vector<std::uint64_t> hashes) {
  WordSet set;
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  set.hashes = std::move(hashes);
  return set;
}

// Inverse document frequency: a word in every document weighs ln 2, a word in one ln(1 + N).
float idf(double documents, std::uint32_t count) { return static_cast<float>(std::log(1.0 + documents / std::max<std::uint32_t>(count, 1))); }

// Interrogatives change a question a little ("how" / "why") but say nothing about its topic:
// "How do bagging and boosting differ?" asks what "Difference between bagging and boosting?"
// asks. However rare they are in a bank, they weigh no more than a word in every question.
bool is_interrogative(std::uint64_t hash) {
  static const std::vector<std::uint64_t> k_hashes = [] {
    std::vector<std::uint64_t> out;
    for (auto word : {"how", "why", "when", "which", "where", "who"}) out.push_back(hash_word(word));
    return out;
  }();
  return std::find(k_hashes.begin(), k_hashes.end(), hash) != k_hashes.end();
}

void apply_weights(WordSet& set, const Counts& df, double documents, bool question) {
  set.weights.resize(set.hashes.size());
  set.total = 0;
  for (std::size_t k = 0; k < set.hashes.size(); ++k) {
    auto it = df.find(set.hashes[k]);
    set.weights[k] = idf(documents, it == df.end() ? 1 : it->second);
    if (question && is_interrogative(set.hashes[k])) set.weights[k] = std::min(set.weights[k], static_cast<float>(std::log(2.0)));
    set.total += set.weights[k];
  }
}

}  // namespace

Profiles::Profiles(const std::vector<Entry>& entries, const std::vector<std::string>& keys)
    : m_entries(entries), m_answers(entries.size()), m_answer_built(entries.size(), false) {
  Acronyms acronyms;
  for (const auto& key : keys) collect_acronyms(split_words(key), acronyms);
  std::size_t n = entries.size();
  m_questions.resize(n);
  std::vector<Counts> question_df(2);
  parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned worker) {
    std::vector<std::uint64_t> hashes;
    std::string buffer;
    for (std::size_t i = begin; i < end; ++i) {
      hashes.clear();
      question_hashes(keys[i], acronyms, hashes, buffer);
      m_questions[i] = to_set(hashes);
      for (auto h : m_questions[i].hashes) ++question_df[worker][h];
    }
  });
  for (auto& [h, c] : question_df[1]) question_df[0][h] += c;
  parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) apply_weights(m_questions[i], question_df[0], static_cast<double>(n), true);
  });
}

void Profiles::count_answer_words() {
  std::size_t n = m_entries.size();
  std::size_t stride = std::max<std::size_t>(1, n / k_answer_sample);
  std::vector<Counts> answer_df(2);
  std::vector<double> answer_docs(2, 0);
  // Only every stride-th entry is counted; the chunks are over those.
  std::size_t sampled = (n + stride - 1) / stride;
  parallel_chunks(sampled, [&](std::size_t begin, std::size_t end, unsigned worker) {
    std::vector<std::uint64_t> hashes;
    for (std::size_t s = begin; s < end; ++s) {
      hashes.clear();
      word_hashes(m_entries[s * stride].question->answer, hashes);
      WordSet answer = to_set(hashes);
      for (auto h : answer.hashes) ++answer_df[worker][h];
      answer_docs[worker] += 1;
    }
  });
  for (auto& [h, c] : answer_df[1]) answer_df[0][h] += c;
  m_answer_df = std::move(answer_df[0]);
  m_answer_docs = answer_docs[0] + answer_docs[1];
  m_answer_df_counted = true;
}

WordSet Profiles::answer_set(std::string_view text) const {
  std::vector<std::uint64_t> hashes;
  word_hashes(text, hashes);
  WordSet set = to_set(std::move(hashes));
  apply_weights(set, m_answer_df, m_answer_docs, false);
  return set;
}

const WordSet& Profiles::answer(std::size_t entry) {
  if (!m_answer_df_counted) count_answer_words();
  if (!m_answer_built[entry]) {
    m_answers[entry] = answer_set(m_entries[entry].question->answer);
    m_answer_built[entry] = true;
  }
  return m_answers[entry];
}

double overlap(const WordSet& a, const WordSet& b) {
  if (a.hashes.empty() || b.hashes.empty()) return 0;
  double common = 0;
  std::size_t i = 0, j = 0;
  while (i < a.hashes.size() && j < b.hashes.size()) {
    if (a.hashes[i] < b.hashes[j]) ++i;
    else if (b.hashes[j] < a.hashes[i]) ++j;
    else { common += a.weights[i]; ++i; ++j; }
  }
  return common / (a.total + b.total - common);
}

void for_each_candidate(const std::vector<WordSet>& questions, double min_overlap, const std::vector<bool>& skip,
                        const std::function<void(std::size_t, std::size_t)>& visit) {
  // Global word order: heaviest (rarest) first. If overlap(a, b) >= t then the shared weight is
  // at least t * total(a), so a pair cannot share only words outside a's prefix when the words
  // outside it weigh less than that; the same holds for b, hence shared prefix words.
  std::vector<std::vector<std::uint64_t>> prefixes(questions.size());
  parallel_chunks(questions.size(), [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<std::size_t> order;
    for (std::size_t i = begin; i < end; ++i) {
      if (skip[i]) continue;
      const WordSet& set = questions[i];
      order.resize(set.hashes.size());
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return set.weights[x] != set.weights[y] ? set.weights[x] > set.weights[y] : set.hashes[x] < set.hashes[y];
      });
      double rest = set.total;
      for (std::size_t k : order) {
        if (rest < min_overlap * set.total - 1e-9) break;
        rest -= set.weights[k];
        prefixes[i].push_back(set.hashes[k]);
      }
    }
  });
  // One sorted (word, question) array instead of a map of posting lists: two allocations.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> postings;
  for (std::size_t i = 0; i < prefixes.size(); ++i)
    for (auto h : prefixes[i]) postings.emplace_back(h, static_cast<std::uint32_t>(i));
  std::sort(postings.begin(), postings.end());
  std::vector<std::uint32_t> seen(questions.size(), UINT32_MAX);
  for (std::size_t i = 0; i < prefixes.size(); ++i) {
    for (auto h : prefixes[i]) {
      auto it = std::lower_bound(postings.begin(), postings.end(), std::make_pair(h, std::uint32_t{0}));
      // A word in the prefixes of thousands of questions tells them apart from nothing; probing
      // it would make the work quadratic on a degenerate bank, so it is left out.
      auto last = std::upper_bound(it, postings.end(), std::make_pair(h, UINT32_MAX));
      if (last - it > static_cast<std::ptrdiff_t>(k_max_postings)) continue;
      for (; it != postings.end() && it->first == h && it->second < i; ++it) {
        std::uint32_t j = it->second;
        if (seen[j] == i) continue;
        seen[j] = static_cast<std::uint32_t>(i);
        visit(j, i);
      }
    }
  }
}

}  // namespace qbank::dedup::detail
