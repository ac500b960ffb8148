// A private temp folder beside a given path (so big intermediates stay on the output's disk
// and never in a shared location), removed with its content on scope exit.
#pragma once

#include <filesystem>

namespace qbank::exporters::anki {

class ScratchDir {
 public:
  explicit ScratchDir(const std::filesystem::path& beside);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

}  // namespace qbank::exporters::anki
