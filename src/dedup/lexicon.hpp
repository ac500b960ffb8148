// What a bank teaches about its own words, learned before questions are compared:
// - compounds: "trade off" is "tradeoff" when the bank also writes "tradeoff" (or "trade-off");
// - acronyms: "SVM" is "support vector machine" when one question and its answer hold both
//   (the letters are the words' initials, or their first letters: "ReLU" = "rectified linear
//   unit");
// - synonyms an answer states: "The step size, also called the learning rate, ...".
// A term is then one stem or one canonical phrase, so both spellings weigh as one word.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dedup/words.hpp"

namespace qbank::dedup {

// One term of a clause: a stem, or a phrase's canonical form; `first`/`count` are its words.
struct Term {
  std::string stem;
  std::size_t first = 0, count = 1;
};

// One thread's count of the texts it has read in a pass over every question: `advanced` (when
// set) is told of every k_progress_step of them, and of the rest at finish().
class ProgressSteps {
 public:
  static constexpr std::size_t k_progress_step = 1024;
  explicit ProgressSteps(const std::function<void(std::size_t)>& advanced) : m_advanced(advanced) {}
  void count() {
    if (m_advanced && ++m_counted == k_progress_step) finish();
  }
  void finish() {
    if (m_advanced && m_counted > 0) m_advanced(m_counted);
    m_counted = 0;
  }

 private:
  const std::function<void(std::size_t)>& m_advanced;
  std::size_t m_counted = 0;
};

class Lexicon {
 public:
  struct Text {
    std::string_view question, answer;
    bool answer_in_sample = true;  // whether the answer's plain words teach compounds and synonyms
  };
  // Learns from every question, and from the answers: those in the sample for compounds and
  // stated synonyms, the others' acronyms (and, where the question has one, the text around it).
  // Runs on up to two threads. The clauses of each answer in the sample go to `answers`, when
  // given, so that the long texts are read once (questions are short, and their words' readings
  // cached: reading them again costs less than keeping every question's clauses).
  // `advanced`, when set, is called with a number of texts done (from either thread).
  void learn(const std::vector<Text>& texts, std::vector<std::vector<Clause>>* answers = nullptr,
             const std::function<void(std::size_t)>& advanced = {});

  // The terms of a clause, with compounds joined and phrases replaced (longest first).
  void terms(const Clause& clause, std::vector<Term>& out) const;

  std::size_t phrase_count() const;

 private:
  struct Phrase {
    std::vector<std::string> stems;
    std::string canonical;
  };
  void add_phrase(std::vector<std::string> stems, std::string canonical);

  // Whether some stem in m_whole_words could be the two words joined (key: scratch space).
  bool may_join(std::string_view first, std::string_view second, std::string& key) const;

  std::unordered_set<std::string> m_whole_words;  // stems of words written as one word
  std::vector<std::string> m_whole_sorted;        // the same, sorted
  // A Bloom filter of their prefixes (two or more bytes): most neighbours join into no word, and
  // are told so without a search in m_whole_sorted (see may_join).
  std::vector<std::uint64_t> m_prefix_bits;
  std::unordered_map<std::string, std::vector<Phrase>> m_phrases;  // by first stem
};

// Whether an acronym's letters can be split, in order, into non-empty prefixes of the words:
// "svm" / support vector machine, "relu" / rectified linear unit. At least two words.
bool acronym_matches(std::string_view acronym, const std::vector<std::string_view>& words);

}  // namespace qbank::dedup
