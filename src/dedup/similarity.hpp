// Near-duplicate scoring and candidate generation (internal to the finder).
//
// A question becomes a profile: its terms (lexicon.hpp), each with an inverse-document-frequency
// weight over the bank (a document is a question with its answer, so words common in answers,
// "data", "use", weigh little) and a role factor:
//   1     a subject word of the question;
//   0.3   a generic noun ("model", "network", "algorithm"): it names the kind of a thing;
//   0.1   a word of a follow-up question ("What is X? How does it create new samples?"), and
//   0.05  a follow-up's own vocabulary ("Why is it useful?");
//   0     frame and stop words ("what is", "can you explain", "how does ... work").
// Interrogatives ("how", "why") weigh at most ln 2, every other term at least 1.
//
// The score is a weighted Jaccard overlap: shared terms (each at the larger of its two role
// factors) over shared plus unmatched, where a replacement (words unmatched on both sides) counts
// the smaller side twice. So an added subject word ("stochastic gradient descent" vs "gradient
// descent") costs its full weight and a changed one ("target leakage" vs "data leakage") more,
// which keeps the two apart, while an added follow-up costs a tenth: one question that contains
// the other with a follow-up still matches. Subject words also belong to phrases (split at "in",
// "and", "of", "with", ...): a phrase of which the other question has no word at all is a new
// subject ("X in collaborative filtering" vs "X and Y in recommender systems") and its words cost
// twice, while a word added inside a shared phrase ("TF-IDF weighting") costs once.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dedup/finder.hpp"
#include "dedup/lexicon.hpp"
#include "dedup/stemmer.hpp"

namespace qbank::dedup::detail {

// Phrases are counted per question up to this (later ones share the last number).
inline constexpr std::uint8_t k_max_phrase = 15;

struct Profile {
  std::vector<std::uint64_t> hashes;  // sorted, unique term hashes
  std::vector<float> factors;         // role factor of each term
  std::vector<float> idf;             // its weight before the role factor
  std::vector<std::uint8_t> phrases;  // which phrase of the question it is in (0-k_max_phrase)
  double effective = 0;               // sum of idf * factor
  double full = 0;                    // sum of idf
};

// A question's terms by role, as written: for explanations ("differs: 'stochastic'").
struct Reading {
  std::vector<std::string> subject;    // subject words and generic nouns, as written
  std::vector<std::string> follow_up;  // words of follow-up questions
  std::vector<std::uint64_t> subject_hashes, follow_up_hashes;  // aligned with the above
};

// Answers are read in full for banks up to this many questions; larger banks learn compounds and
// answer word frequencies from an evenly spread sample of this many (plenty to tell common words
// from rare ones).
inline constexpr std::size_t k_answer_sample = 2000;

// Stems looked up by string_view.
using Domain = std::unordered_set<std::string, TransparentHash, std::equal_to<>>;

class Profiles {
 public:
  // `fields`: the titles and deck names of the banks, which name their field ("Machine Learning
  // Interview Questions"): "in machine learning" then places a question and asks nothing.
  // `progress`: Settings::progress.
  Profiles(const std::vector<Entry>& entries, const std::vector<std::string_view>& fields,
           const std::function<void(std::size_t done, std::size_t total)>& progress = {});
  const std::vector<Profile>& questions() const { return m_questions; }
  Reading read(std::string_view question) const;

 private:
  Lexicon m_lexicon;
  Domain m_domain;  // stems (acronyms as written) of the field's words
  std::vector<Profile> m_questions;
};

// The weighted Jaccard score described above, 0-1.
double score(const Profile& a, const Profile& b);

// Calls visit(a, b, q, worker) (a < b; q their score; worker 0 or 1, calls on two threads) for pairs whose
// score q reaches min_score, each once, leaving out questions with skip[i] set. The candidates scored
// (a superset of those pairs, most of them scored only here) come from prefix filtering: terms in one global
// order, rarest first; each question indexes only the first terms without which the rest could not
// reach min_score, and only questions whose total weights are within reach of each other are
// compared. A term whose window holds more than k_max_postings questions is not probed (it tells
// them apart from nothing, and would make the work quadratic on a degenerate bank). 64, not more:
// on template-built banks of 10k questions a few hundred terms each fill such windows, and the
// pairs they would add are found by the subject-word keys (for_each_core_candidate) anyway
// (realistic 10k: the same recall, fewer look-alike pairs, a fifth less CPU than with 256).
inline constexpr std::size_t k_max_postings = 64;
void for_each_candidate(const std::vector<Profile>& questions, double min_score, const std::vector<bool>& skip,
                        const std::function<void(std::size_t, std::size_t, double, unsigned)>& visit);

// Calls visit(a, b) for pairs whose subject words (role factor 1, interrogatives left out) are the
// same, or the same but for one word added or changed: found by hashing each question's subject
// words whole and with each one left out, so the work is linear however common the words are. This is what finds duplicates
// in large banks whose questions all use the same few hundred terms, where the prefix index has
// to leave the common words out. Pairs may repeat and come in either order. Keys with more than
// k_max_core_group questions pair each with the first only.
inline constexpr std::size_t k_max_core_words = 12;
inline constexpr std::size_t k_max_core_group = 64;
void for_each_core_candidate(const std::vector<Profile>& questions, const std::vector<bool>& skip,
                             const std::function<void(std::size_t, std::size_t)>& visit);

// Overlap of two answers' stems (unweighted Jaccard), -1 when either is blank: shown with a pair as
// evidence, never part of its score.
double answer_overlap(std::string_view a, std::string_view b);

}  // namespace qbank::dedup::detail
