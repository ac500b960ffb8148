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

// FNV-1a, one step at a time: the finder hashes byte by byte (answer fingerprints, compound
// prefixes) and word hash by word hash (subject keys) without building the text hashed.
inline constexpr std::uint64_t k_fnv_offset = 1469598103934665603ull;
inline constexpr std::uint64_t k_fnv_prime = 1099511628211ull;
constexpr std::uint64_t fnv_step(std::uint64_t h, std::uint64_t value) { return (h ^ value) * k_fnv_prime; }

// Answers are read for what they teach (compounds, acronyms, synonyms, word frequencies) and
// compared for what they share, up to this many bytes: an answer longer than that is a pasted
// document or random text, whose first 64 KiB teach as much, and reading all of a 10 MB answer
// took 15 s and 500 MB.
inline constexpr std::size_t k_answer_read_bytes = 64 * 1024;
// And questions up to this many: a question is a sentence or a few (with a code sample, a few
// hundred bytes); one of 10 MB took 35 s to read. Exact copies still compare the whole text.
inline constexpr std::size_t k_question_read_bytes = 4 * 1024;

// The first `limit` bytes of a text or fewer, cut after a space or newline (so no word and no
// UTF-8 character is split); the whole text when it is shorter.
std::string_view opening(std::string_view text, std::size_t limit = k_answer_read_bytes);

}  // namespace qbank::dedup
