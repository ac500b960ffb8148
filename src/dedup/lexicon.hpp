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
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dedup/words.hpp"

namespace qbank::dedup {

// One term of a clause: a stem (an acronym's text), a compound's stem or a phrase's canonical
// form; `first`/`count` are its words. `stem` points into the word, the lexicon or the phrase,
// all of which outlive the term; `word` is the word when the term is that word's own.
struct Term {
  std::string_view stem;
  std::uint64_t hash = 0;  // hash_word(stem)
  const Word* word = nullptr;
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
  // What learn() read, kept so that no text is read twice: each question's words and each
  // sampled answer's, as Vocabulary::read leaves them, pointing into the vocabulary of the thread
  // that read them.
  class Read {
   public:
    std::span<const Word* const> question(std::size_t i) const;
    std::span<const Word* const> answer(std::size_t i) const;  // empty outside the sample

   private:
    friend class Lexicon;
    struct Span {
      unsigned thread = 0;
      std::size_t question_begin = 0, question_end = 0, answer_end = 0;
    };
    std::vector<Vocabulary> m_vocabularies = std::vector<Vocabulary>(2);
    std::vector<std::vector<const Word*>> m_words = std::vector<std::vector<const Word*>>(2);
    std::vector<Span> m_texts;
  };

  // Learns from every question, and from the answers: those in the sample for compounds and
  // stated synonyms, the others' acronyms (and, where the question has one, the text around it).
  // Runs on up to two threads. What it read goes to `read`, when given.
  // `advanced`, when set, is called with a number of texts done (from either thread).
  void learn(const std::vector<Text>& texts, Read* read = nullptr, const std::function<void(std::size_t)>& advanced = {});

  // The terms of a clause, with compounds joined and phrases replaced (longest first).
  void terms(ClauseView clause, std::vector<Term>& out) const;
  void terms(const Clause& clause, std::vector<Term>& out) const;

  std::size_t phrase_count() const;

 private:
  struct Phrase {
    std::vector<std::string> stems;
    std::string canonical;
    std::uint64_t canonical_hash = 0;  // hash_word(canonical), for the terms it becomes
  };
  void add_phrase(std::vector<std::string> stems, std::string canonical);

  // Whether some stem in m_whole_words could be the two words joined (key: scratch space).
  bool may_join(const Word& first, const Word& second, std::string& key) const;

  std::unordered_set<std::string> m_whole_words;  // stems of words written as one word
  std::vector<std::string> m_whole_sorted;        // the same, sorted
  // A Bloom filter of their prefixes (two or more bytes): most neighbours join into no word, and
  // are told so without a search in m_whole_sorted (see may_join).
  std::vector<std::uint64_t> m_prefix_bits;
  std::unordered_map<std::uint64_t, std::vector<Phrase>> m_phrases;  // by hash_word of the first stem
};

// Whether an acronym's letters can be split, in order, into non-empty prefixes of the words:
// "svm" / support vector machine, "relu" / rectified linear unit. At least two words.
bool acronym_matches(std::string_view acronym, const std::vector<std::string_view>& words);

}  // namespace qbank::dedup
