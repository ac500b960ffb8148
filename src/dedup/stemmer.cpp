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

const std::string& stem_ref(std::string_view word) {
  thread_local ThreadStemmer stemmer;
  // A bank uses a few thousand distinct words over and over: remember their stems.
  thread_local std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>> cache;
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() > 200000) cache.clear();  // random text; only the caller's last result must stay valid
  std::string out;
  // Very long "words" (URLs, base64) gain nothing from stemming and cost time.
  const sb_symbol* result = stemmer.handle && word.size() <= 64
                                ? sb_stemmer_stem(stemmer.handle, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()))
                                : nullptr;
  // No result: a long word, or out of memory inside libstemmer; the word itself is still a usable key.
  if (result) out.assign(reinterpret_cast<const char*>(result), static_cast<std::size_t>(sb_stemmer_length(stemmer.handle)));
  else out.assign(word);
  return cache.emplace(std::string(word), std::move(out)).first->second;
}

void stem_into(std::string_view word, std::string& out) { out = stem_ref(word); }

std::string stem(std::string_view word) { return stem_ref(word); }

}  // namespace qbank::dedup
