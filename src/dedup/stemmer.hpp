// English stemming for the duplicate finder: Snowball's English (Porter2) stemmer from
// libstemmer, so "differences" / "differ" and "hyperparameters" / "hyperparameter" meet.
// libstemmer's stemmer objects are not thread-safe: each thread gets its own, made on first use.
#pragma once

#include <string>
#include <string_view>

namespace qbank::dedup {

// The stem of a lowercase word (UTF-8), written into `out` (reused to avoid allocations).
void stem_into(std::string_view word, std::string& out);
std::string stem(std::string_view word);

}  // namespace qbank::dedup
