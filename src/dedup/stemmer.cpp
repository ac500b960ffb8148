#include "dedup/stemmer.hpp"

#include <libstemmer.h>

#include <unordered_map>

namespace qbank::dedup {

namespace {

// One stemmer per thread, freed when the thread ends.
struct ThreadStemmer {
  sb_stemmer* handle = sb_stemmer_new("english", "UTF_8");
  ~ThreadStemmer() {
    if (handle) sb_stemmer_delete(handle);
  }
};

}  // namespace

void stem_into(std::string_view word, std::string& out) {
  thread_local ThreadStemmer stemmer;
  // A bank uses a few thousand distinct words over and over: remember their stems.
  thread_local std::unordered_map<std::string, std::string> cache;
  if (auto it = cache.find(std::string(word)); it != cache.end()) {
    out = it->second;
    return;
  }
  if (cache.size() > 200000) cache.clear();
  struct Remember {
    std::string_view word;
    std::string& out;
    ~Remember() { cache.emplace(std::string(word), out); }
  } remember{word, out};
  // Very long "words" (URLs, base64) gain nothing from stemming and cost time.
  if (!stemmer.handle || word.size() > 64) {
    out.assign(word);
    return;
  }
  const sb_symbol* result = sb_stemmer_stem(stemmer.handle, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!result) {  // out of memory inside libstemmer: the word itself is still a usable key
    out.assign(word);
    return;
  }
  out.assign(reinterpret_cast<const char*>(result), static_cast<std::size_t>(sb_stemmer_length(stemmer.handle)));
}

std::string stem(std::string_view word) {
  std::string out;
  stem_into(word, out);
  return out;
}

}  // namespace qbank::dedup
