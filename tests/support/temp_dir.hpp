// A fresh folder under the system temp dir, removed with everything in it at scope exit.
#pragma once

#include <filesystem>
#include <string_view>

namespace qbank::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  // Writes `content` to path()/relative (creating folders) and returns the full path.
  std::filesystem::path write(const std::filesystem::path& relative, std::string_view content) const;

 private:
  std::filesystem::path m_path;
};

}  // namespace qbank::test
