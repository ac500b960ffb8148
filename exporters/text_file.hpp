// The text exporters' output file: opened once, written record by record as the export goes
// (so a large bank's output is never held in memory whole), checked when closed.
#pragma once

#include <filesystem>
#include <fstream>
#include <string_view>

namespace qbank::exporters {

class TextFile {
 public:
  // Creates (or truncates) `path`; throws Error if it cannot.
  explicit TextFile(std::filesystem::path path);
  void write(std::string_view text) { m_file.write(text.data(), static_cast<std::streamsize>(text.size())); }
  // Flushes; throws Error naming the file if any write failed (a full disk, say).
  void close();

 private:
  std::filesystem::path m_path;
  std::ofstream m_file;
};

}  // namespace qbank::exporters
