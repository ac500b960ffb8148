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

#include <string>
#include <string_view>
#include <vector>

namespace qbank::dedup {

struct Word {
  std::string text;      // lowercase, normalised as above
  bool acronym = false;  // written in capitals: "SVM", "ReLU"; text is then without a plural "s"
  bool stop = false;     // a stop word (is_stop_word), looked up once here rather than at every use
  std::string stem;      // the stem of text, where read_clauses knew it (empty otherwise: see stem_of)
  bool linker = false;   // a word that opens a phrase (is_linker): "the role of X [in Y]", "[with Y]"
};
using Clause = std::vector<Word>;

// A word's stem: the one read_clauses stored, else worked out (stemmer.hpp's stem_ref).
const std::string& stem_of(const Word& word);

std::vector<Clause> read_clauses(std::string_view text);

// Whether a word as written has the shape of an acronym; `core` gets it lowercase, without a
// plural "s". And the acronyms of a text, found without reading the rest of it.
bool acronym_shape(std::string_view original, std::string& core);
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
