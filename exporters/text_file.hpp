// The text exporters' output file: opened once, written record by record as the export goes
// (so a large bank's output is never held in memory whole), checked when closed. Errors name
// the file and the cause ("No space left on device").
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace qbank::exporters {

class TextFile {
 public:
  // Creates (or truncates) `path`; throws Error if it cannot.
  explicit TextFile(std::filesystem::path path);
  ~TextFile();
  TextFile(const TextFile&) = delete;
  TextFile& operator=(const TextFile&) = delete;
  // Buffered; throws Error naming the file and the cause when a write fails.
  void write(std::string_view text);
  // Writes what is buffered and closes; throws Error naming the file and the cause.
  void close();

 private:
  void flush();
  std::filesystem::path m_path;
  int m_fd = -1;
  std::string m_buffer;
};

}  // namespace qbank::exporters
