// `qbank lint -`: YAML from stdin. The loader reads files (it checks sizes before reading and
// parses in parallel), so stdin goes to a private temp file first, named like the file it
// stands for, and diagnostics are renamed back to that name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace qbank::cli {

class StdinFile {
 public:
  // Reads stdin (at most max_bytes + 1 bytes: enough for the loader to report it as too
  // large without holding more). `display_name` is what diagnostics call it; a name ending in
  // bank.yaml is read as a bank.yaml. Throws Error if no temp file can be made.
  StdinFile(std::string display_name, std::uintmax_t max_bytes);
  ~StdinFile();
  StdinFile(const StdinFile&) = delete;
  StdinFile& operator=(const StdinFile&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  void rename_in(std::vector<Diagnostic>& diagnostics) const;

 private:
  std::string m_display_name;
  std::filesystem::path m_dir, m_path;
};

}  // namespace qbank::cli
