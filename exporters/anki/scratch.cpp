#include "exporters/anki/scratch.hpp"

#include "core/atomic_file.hpp"

namespace qbank::exporters::anki {

// Named like qbank's temp files, so a folder left by a killed export is swept by the next one.
ScratchDir::ScratchDir(const std::filesystem::path& beside) : m_path(make_temp_folder(beside)) {}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

}  // namespace qbank::exporters::anki
