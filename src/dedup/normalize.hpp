// Text normalisation for the duplicate finder:
//   exact_key():  what `duplicate-question` compares. NFKC + Unicode case fold, then every
//                 character that is not a letter, digit or combining mark becomes a space, and
//                 runs of spaces collapse. So "What is AUC - ROC?" == "what is auc-roc" and
//                 "Random Forest" == "random forest", but "silhouette score" != "the
//                 silhouette score" (a word differs: that pair is a near-duplicate).
// What `near-duplicate-question` weighs is in words.hpp (reading), lexicon.hpp (what the bank
// teaches) and similarity.hpp (weights and score).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::dedup {

std::string exact_key(std::string_view text);

// The words of an exact_key(), in order.
std::vector<std::string_view> split_words(std::string_view key);

std::uint64_t hash_word(std::string_view word);

}  // namespace qbank::dedup
