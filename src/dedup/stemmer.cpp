#include "dedup/stemmer.hpp"

#include <libstemmer.h>

#include <unordered_map>

namespace qbank::dedup {

namespace {

struct ThreadStemmer {
  sb_stemmer* handle = sb_stemmer_new("english", "UTF_8");
  ~ThreadStemmer() {
    if (handle) sb_stemmer_delete(handle);
  }
};

// One stemmer per thread, freed when the thread ends.
sb_stemmer* thread_stemmer() {
  thread_local ThreadStemmer stemmer;
  return stemmer.handle;
}

}  // namespace

std::string stem(std::string_view word) {
  sb_stemmer* stemmer = thread_stemmer();
  // Very long "words" (URLs, base64) gain nothing from stemming and cost time.
  const sb_symbol* result = stemmer && word.size() <= 64
                                ? sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()))
                                : nullptr;
  // No result: a long word, or out of memory inside libstemmer; the word itself is still a usable key.
  if (!result) return std::string(word);
  return std::string(reinterpret_cast<const char*>(result), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

const std::string& stem_ref(std::string_view word) {
  // Compounds recur in question after question: their stems are remembered.
  thread_local std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>> cache;
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() > 200000) cache.clear();  // random text; only the caller's last result must stay valid
  return cache.emplace(std::string(word), stem(word)).first->second;
}

}  // namespace qbank::dedup
