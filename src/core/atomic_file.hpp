// Writes an output file so that readers only ever see the old file or the complete new one:
// the content goes to a temp file beside the target, which is renamed over it on commit().
// Used by every exporter, the link cache and report writers.
#pragma once

#include <filesystem>
#include <string_view>

namespace qbank {

class AtomicFile {
 public:
  // Creates an empty temp file in the target's folder. Throws Error if it cannot.
  explicit AtomicFile(std::filesystem::path target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Removes the temp file unless commit() succeeded.
  ~AtomicFile();

  const std::filesystem::path& temp_path() const { return m_temp; }
  const std::filesystem::path& target() const { return m_target; }
  // Flushes the temp file to disk and renames it over the target. Throws Error on failure.
  void commit();

 private:
  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  bool m_committed = false;
};

// Convenience: the whole content at once, atomically.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Reads a whole file; throws Error naming the file when it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace qbank
