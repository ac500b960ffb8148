#include "exporters/anki/scratch.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank::exporters::anki {

ScratchDir::ScratchDir(const std::filesystem::path& beside) {
  std::filesystem::path folder = beside.parent_path();
  if (folder.empty()) folder = ".";
  std::string pattern = (folder / (beside.filename().string() + ".dir-XXXXXX")).string();
  if (!::mkdtemp(pattern.data()))
    throw Error(fmt::format("cannot create a temp folder in '{}': {}", folder.string(), std::strerror(errno)));
  m_path = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

}  // namespace qbank::exporters::anki
