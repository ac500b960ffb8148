// Text normalisation for the duplicate finder. Two levels:
//   exact_key():  what `duplicate-question` compares. NFKC + Unicode case fold, then every
//                 character that is not a letter, digit or combining mark becomes a space, and
//                 runs of spaces collapse. So "What is AUC - ROC?" == "what is auc-roc" and
//                 "Random Forest" == "random forest", but "silhouette score" != "the
//                 silhouette score" (a word differs: that pair is a near-duplicate).
//   words():      what `near-duplicate-question` weighs: the words of exact_key() minus stop
//                 words (articles, "what is" / "explain" / "define" / "describe" ...), each
//                 reduced by a light English stemmer ("differences" -> "differ").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::dedup {

std::string exact_key(std::string_view text);

// The words of an exact_key(), in order (stop words included).
std::vector<std::string_view> split_words(std::string_view key);

bool is_stop_word(std::string_view word);
// Light suffix stripping: plurals, -ing, -ed, -ence ("difference"/"differ"), -ly.
std::string stem(std::string_view word);
void stem_into(std::string_view word, std::string& out);  // the same, into a reused buffer

std::uint64_t hash_word(std::string_view word);
// Appends the hashes of words(text) to `out`, without a string per word (for long answers).
void word_hashes(std::string_view text, std::vector<std::uint64_t>& out);

// Content words of a text: stemmed, stop words dropped, in text order (may repeat).
std::vector<std::string> words(std::string_view text);

}  // namespace qbank::dedup
