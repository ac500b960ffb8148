// English stemming for the duplicate finder: Snowball's English (Porter2) stemmer from
// libstemmer, so "differences" / "differ" and "hyperparameters" / "hyperparameter" meet.
// libstemmer's stemmer objects are not thread-safe: each thread gets its own, made on first use.
#pragma once

#include <string>
#include <string_view>

namespace qbank::dedup {

// Lookups by string_view in a map keyed by std::string (with std::equal_to<>): the finder's word
// caches are asked for words they hold, and must not allocate.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The stem of a lowercase word (UTF-8). Words are stemmed once per vocabulary (words.hpp).
std::string stem(std::string_view word);
// The same, as a reference into this thread's cache of stems (for compounds, which are not in a
// vocabulary): valid until the next call on the thread (use it or copy it at once).
const std::string& stem_ref(std::string_view word);

}  // namespace qbank::dedup
