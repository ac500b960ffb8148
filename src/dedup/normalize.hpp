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

// Answers are read for what they teach (compounds, acronyms, synonyms, word frequencies) and
// compared for what they share, up to this many bytes: an answer longer than that is a pasted
// document or random text, whose first 64 KiB teach as much, and reading all of a 10 MB answer
// took 15 s and 500 MB.
inline constexpr std::size_t k_answer_read_bytes = 64 * 1024;

// The first `limit` bytes of a text or fewer, cut after a space or newline (so no word and no
// UTF-8 character is split); the whole text when it is shorter.
std::string_view opening(std::string_view text, std::size_t limit = k_answer_read_bytes);

}  // namespace qbank::dedup
