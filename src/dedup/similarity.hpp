// Near-duplicate scoring and sub-quadratic candidate generation (internal to the finder).
// Each question becomes a set of hashed content words with inverse-document-frequency
// weights, so rare words ("precision", "l1") decide and common ones ("model") barely count.
// Candidates come from prefix filtering: each question indexes only its rarest words, just
// enough of them that any pair reaching the minimum overlap must share one indexed word.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dedup/finder.hpp"

namespace qbank::dedup::detail {

struct WordSet {
  std::vector<std::uint64_t> hashes;  // sorted, unique
  std::vector<float> weights;         // aligned with hashes
  double total = 0;
};

// Word sets of every question line, weighted over these entries, built on two threads.
// Acronyms defined anywhere in the bank ("PCA (Principal Component Analysis)") are expanded,
// so "What is PCA?" and "What is principal component analysis?" compare equal. Answers are
// only needed for candidate pairs, so their word sets are built on demand; their word weights
// come from every answer in banks up to k_answer_sample answers, and from an evenly spread
// sample of that many answers in larger ones (plenty to tell common words from rare ones),
// counted when the first answer is needed: a bank with no candidate pair (the usual CI run)
// never pays for them.
inline constexpr std::size_t k_answer_sample = 8000;

class Profiles {
 public:
  // `keys`: exact_key() of each entry's question, aligned with `entries`.
  Profiles(const std::vector<Entry>& entries, const std::vector<std::string>& keys);
  const std::vector<WordSet>& questions() const { return m_questions; }
  // The answer's word set (empty for a blank answer), built on first use. Not thread-safe.
  const WordSet& answer(std::size_t entry);

 private:
  void count_answer_words();
  WordSet answer_set(std::string_view text) const;

  const std::vector<Entry>& m_entries;
  std::vector<WordSet> m_questions;
  std::vector<WordSet> m_answers;
  std::vector<bool> m_answer_built;
  std::unordered_map<std::uint64_t, std::uint32_t> m_answer_df;
  double m_answer_docs = 0;
  bool m_answer_df_counted = false;
};

// Runs fn(begin, end, worker) over [0, n) on up to two threads (the target machine has two
// cores; worker is 0 or 1); small inputs on the calling thread only.
template <typename Fn>
void parallel_chunks(std::size_t n, Fn fn) {
  unsigned workers = n < 2000 ? 1 : std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(fn, n * w / workers, n * (w + 1) / workers, w);
  fn(0, n / workers, 0u);
  for (auto& t : threads) t.join();
}

// Weighted Jaccard overlap, 0-1.
double overlap(const WordSet& a, const WordSet& b);

// Calls visit(a, b) (a < b) for every pair whose question overlap may reach min_overlap (a
// superset of those pairs, each once), leaving out questions with skip[i] set and words in
// the indexed prefixes of more than k_max_postings questions (which bounds the work).
inline constexpr std::size_t k_max_postings = 5000;
void for_each_candidate(const std::vector<WordSet>& questions, double min_overlap, const std::vector<bool>& skip,
                        const std::function<void(std::size_t, std::size_t)>& visit);

}  // namespace qbank::dedup::detail
