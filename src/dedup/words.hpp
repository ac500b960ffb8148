// How the duplicate finder reads a question: clauses of lowercase words, with the spelling
// variants people write for one word folded together. Used by the lexicon (what a bank teaches
// about its own words) and by the question profiles (similarity.hpp).
//
//   "What's the bias/variance trade-off? Why does it matter?"
//     -> [what is the bias variance trade off] [why does it matter]
//
// - Contractions are expanded ("what's" -> "what is", "doesn't" -> "does not") and possessives
//   dropped ("Bayes' theorem" = "Bayes theorem").
// - A hyphen or slash next to a single letter or digit joins ("k-means" -> "kmeans", "A/B" ->
//   "ab", "p-value" -> "pvalue"); elsewhere it separates ("trade-off" -> "trade off"; the
//   lexicon joins "trade off" again where the bank also writes "tradeoff").
// - British spellings become American ("optimiser" -> "optimizer", "modelling" -> "modeling",
//   "behaviour" -> "behavior"), so both stem alike.
// - Roman numerals after a word become digits ("Type I" -> "type 1", "Type II" -> "type 2").
// - Clauses end at '?', '!', ';', a full stop, and before a second question joined with a comma
//   or "and" ("What is X, and how does it work?"): follow-up questions are weighed apart.
// - A word written with two or more capitals ("SVM", "ReLU", "CNNs") is marked as an acronym.
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dedup/stemmer.hpp"

namespace qbank::dedup {

struct Word {
  std::string text;      // lowercase, normalised as above
  bool acronym = false;  // written in capitals: "SVM", "ReLU"; text is then without a plural "s"
  bool stop = false;     // a stop word (is_stop_word), looked up once here rather than at every use
  std::string stem;      // the stem of text (empty for an acronym, whose term is its text)
  bool linker = false;   // a word that opens a phrase (is_linker): "the role of X [in Y]", "[with Y]"
  // Worked out once per distinct word (finish_word), so that reading a question asks no word list
  // and hashes no string per word:
  bool pronoun = false, interrogative = false;                   // is_pronoun, is_interrogative (not acronyms)
  bool frame_stem = false, follow_up_stem = false, generic_stem = false;  // of its term
  std::uint64_t term_hash = 0;  // hash_word of its term: the stem, or an acronym's text
  std::uint64_t text_fnv = 0;   // FNV-1a over the bytes of text (the compound filter's prefix hash)
  std::uint32_t id = 0;         // its index in the Vocabulary that read it
};
using Clause = std::vector<Word>;
// A clause as words of a Vocabulary: what the finder reads and weighs.
using ClauseView = std::span<const Word* const>;

// A word's term: an acronym's text, else its stem.
inline const std::string& term_of(const Word& word) { return word.acronym ? word.text : word.stem; }

// The distinct words of the texts read into it, each read once: a bank writes a few thousand
// words over and over, and the finder reads every question twice (learning, then weighing), so
// it keeps each question as pointers to these rather than as copies. Words stay where they are
// until the vocabulary is destroyed. Not thread-safe: one per thread.
class Vocabulary {
 public:
  // Reads `text` (the rules above), appending its words to `out` with a nullptr after each clause.
  void read(std::string_view text, std::vector<const Word*>& out);
  // A word as written, out of context ("CNNs" -> the acronym "cnn").
  const Word& word(std::string_view original);
  std::size_t size() const { return m_words.size(); }

 private:
  // A word in a form its context gave it ("one" as a pronoun), under a key no text can spell.
  const Word& variant(const Word& word, char tag);
  const Word* find(std::string_view key, std::uint64_t hash) const;
  const Word& add(std::string_view key, std::uint64_t hash, Word word);

  // Every word of every question is looked up here, most of them found: an open-addressing table
  // (a power of two, at most half full) compares a hash before a key, with no node to follow.
  struct Slot {
    std::uint64_t hash = 0;
    const Word* word = nullptr;  // its key is m_keys[word->id]
  };
  std::vector<Slot> m_slots;
  std::deque<Word> m_words;
  std::deque<std::string> m_keys;  // what each word was read from, as written
};

// The clauses of `words` (as Vocabulary::read leaves them) into `out`.
void split_clauses(std::span<const Word* const> words, std::vector<ClauseView>& out);

// One-off reads (a field's name, a reported pair's question) with this thread's vocabulary, kept
// bounded: the words stay valid until the next call on the thread.
void read_words(std::string_view text, std::vector<const Word*>& out);

// The clauses of a text as copies (for tests and one-off reads).
std::vector<Clause> read_clauses(std::string_view text);

// Whether a word as written has the shape of an acronym; `core` gets it lowercase, without a
// plural "s". And the acronyms of a text, found without reading the rest of it: as written
// (for Vocabulary::word), and read.
bool acronym_shape(std::string_view original, std::string& core);
void acronyms_written_in(std::string_view text, std::vector<std::string_view>& out);
Clause acronyms_in(std::string_view text);

// Word lists over lowercase unstemmed words. Stop words carry no meaning of their own;
// frame words ask without saying what about ("explain", "describe", "meant"); interrogatives
// change a question a little ("how" / "why") but not its subject; pronouns mark a follow-up
// question about the subject of the first ("Why is it needed?"); follow-up words are what such
// follow-ups ask ("useful", "needed", "work"); generic nouns name the kind of a thing ("model",
// "network", "algorithm") rather than the thing.
// The first three take a word as read, the rest its stem.
bool is_stop_word(std::string_view word);
bool is_linker(std::string_view word);
bool is_interrogative(std::string_view word);
bool is_pronoun(std::string_view word);
bool is_frame_stem(const std::string& stem);
bool is_follow_up_stem(const std::string& stem);
bool is_generic_stem(const std::string& stem);

}  // namespace qbank::dedup
