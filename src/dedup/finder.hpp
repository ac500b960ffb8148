// The duplicate finder over a loaded bank: exact duplicates (same exact_key), near-duplicates
// (the question decides: weighted overlap of its subject words, similarity.hpp; a copied answer
// can raise a borderline pair, no answer can sink one) and repeated runs of them.
// Both `qbank dedup` and the lint rules (rules.cpp) call find_duplicates(); report.hpp turns
// the result into diagnostics and JSON.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "bank/model.hpp"

namespace qbank::dedup {

inline constexpr double k_default_threshold = 0.7;

struct Settings {
  // Near-duplicate score a pair needs (0-1). Chosen on a labelled development set of two
  // independently written banks (README, "How near-duplicates are scored"): every duplicate
  // found there scored 0.75 or more and every other pair 0.65 or less; 0.7 is halfway.
  double threshold = k_default_threshold;
  std::size_t min_run = 3;  // consecutive pairs that make a repeated section
  // Called with (done, total) as the questions are read, the long part of a large bank: total is
  // the number of questions, each read twice (learning what the bank's words are, then reading it
  // against that) and counted half each time. From up to two threads, every thousand questions or
  // so; the last call has done == total.
  std::function<void(std::size_t done, std::size_t total)> progress = nullptr;
};

// One question the finder looks at. `side` 0 is the bank under review, 1 the reference bank
// of --against (only its questions the reviewed bank does not also hold).
struct Entry {
  const bank::Question* question = nullptr;
  const bank::Section* section = nullptr;
  std::size_t group = 0;     // a distinct number per (side, section), in bank order
  std::size_t position = 0;  // index in its section
  bool fresh = true;         // new or changed content; pairs of two old entries are not reported
  std::size_t side = 0;      // 0 the bank under review, 1 the reference bank
};

// What tells two questions apart, in their own words: subject words only one of them has, and the
// words of follow-up questions only one of them asks ("How does it create new samples?").
struct Difference {
  std::vector<std::string> only_a, only_b;
  std::vector<std::string> follow_up_a, follow_up_b;
};

struct Pair {
  std::size_t a = 0, b = 0;  // entry indices, a < b (a is the earlier / reference question)
  bool exact = false;
  double score = 1.0;           // the pair's score: 1 for exact
  double question_score = 1.0;  // similarity of the questions (similarity.hpp)
  double answer_score = -1.0;   // overlap of the answers' words, shown as evidence; -1: an answer is missing
  bool same_answer = false;     // the answers are the same text: that raised the score
  Difference difference;
};

// min_run or more consecutive questions pairing with consecutive questions elsewhere. A run goes
// on from the last question of a section to the first of the next section of the same bank, so a
// copied block of several sections is one run.
struct Run {
  std::vector<Pair> pairs;  // in order; pairs.front() is the first question of each side
};

struct Findings {
  std::vector<Entry> entries;
  std::vector<Pair> pairs;  // pairs not inside a run, sorted by (b, a)
  std::vector<Run> runs;
};

// `reference` (may be null): the bank on main for --against; then only pairs with a new or
// changed question are reported.
Findings find_duplicates(const bank::Bank& bank, const Settings& settings, const bank::Bank* reference = nullptr);

}  // namespace qbank::dedup
