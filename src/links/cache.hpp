// Cache: outcomes of healthy URLs (ok, redirected) from earlier runs, so a CI rerun does not
// request them again while they are younger than the max age. Dead links and errors are not
// cached: they are re-checked every run, so a fix shows at once and a blip heals itself.
// The file is JSON, written atomically; a corrupt or truncated file is ignored with a
// warning (the run then checks everything), never a failure.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "links/types.hpp"

namespace qbank::links {

struct CacheEntry {
  Outcome outcome;
  std::int64_t checked_at = 0;  // Unix seconds
};

class Cache {
 public:
  // Reads `file` if it exists; entries older than max_age are dropped. A file that is not a
  // valid cache adds a message to `warnings` and yields an empty cache.
  static Cache load(const std::filesystem::path& file, std::chrono::seconds max_age, std::int64_t now,
                    std::vector<std::string>& warnings);
  static Cache parse(const std::string& text, std::chrono::seconds max_age, std::int64_t now);  // throws std::exception

  // A fresh cached outcome for the URL (marked cached, attempts 0), if any.
  std::optional<Outcome> find(const std::string& url) const;
  // Records a checked outcome; only ok and redirected outcomes are kept.
  void record(const std::string& url, const Outcome& outcome, std::int64_t now);
  std::string serialize() const;
  // Writes the cache atomically; throws Error if the file cannot be written, or if `file` is
  // there and is not a qbank link cache (see replaceable()).
  void save(const std::filesystem::path& file) const;
  // Whether save() may replace `file`: it is absent, or a regular file holding a qbank link
  // cache. Anything else (a section file, a key, a device, a corrupt cache) is left alone: a
  // cache path can come from a config file a pull request controls. `why` says what it is.
  static bool replaceable(const std::filesystem::path& file, std::string& why);
  std::size_t size() const { return m_entries.size(); }

 private:
  std::map<std::string, CacheEntry> m_entries;
};

std::int64_t unix_now();

}  // namespace qbank::links
