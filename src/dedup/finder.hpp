// The duplicate finder over a loaded bank: exact duplicates (same exact_key), near-duplicates
// (weighted word overlap of the question, answers as evidence) and repeated runs of them.
// Both `qbank dedup` and the lint rules (rules.cpp) call find_duplicates(); report.hpp turns
// the result into diagnostics and JSON.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "bank/model.hpp"

namespace qbank::dedup {

struct Settings {
  double threshold = 0.8;  // near-duplicate score a pair needs (0-1)
  std::size_t min_run = 3;  // consecutive pairs that make a repeated section
};

// One question the finder looks at. `side` 0 is the bank under review, 1 the reference bank
// of --against (only its questions the reviewed bank does not also hold).
struct Entry {
  const bank::Question* question = nullptr;
  const bank::Section* section = nullptr;
  std::size_t group = 0;     // a distinct number per (side, section): runs never cross it
  std::size_t position = 0;  // index in its section
  bool fresh = true;         // new or changed content; pairs of two old entries are not reported
};

struct Pair {
  std::size_t a = 0, b = 0;  // entry indices, a < b (a is the earlier / reference question)
  bool exact = false;
  double score = 1.0;           // combined score: 1 for exact
  double question_score = 1.0;  // weighted word overlap of the question lines
  double answer_score = -1.0;   // weighted word overlap of the answers; -1: an answer is missing
};

// min_run or more consecutive questions of one section pairing with consecutive questions of
// another (or the same) section.
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
