// The package's zip container over libzip: writing with fixed entry times and attributes (so
// the same content gives the same bytes) and reading one entry back (for --previous).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qbank::exporters::anki {

struct ZipEntry {
  std::string name;
  std::filesystem::path file;  // content from this file, or
  std::string content;         // from memory when `file` is empty
};

// Writes `entries` in order to `archive` (replacing it), deflated, every entry stamped `mtime`.
void write_zip(const std::filesystem::path& archive, const std::vector<ZipEntry>& entries, std::int64_t mtime);

// Extracts entry `name` of `archive` to `destination`. Throws Error if either is missing.
void extract_zip_entry(const std::filesystem::path& archive, const std::string& name, const std::filesystem::path& destination);

}  // namespace qbank::exporters::anki
