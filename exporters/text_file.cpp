#include "exporters/text_file.hpp"

#include <fmt/format.h>

#include <utility>

#include "core/error.hpp"

namespace qbank::exporters {

TextFile::TextFile(std::filesystem::path path)
    : m_path(std::move(path)), m_file(m_path, std::ios::binary | std::ios::trunc) {
  if (!m_file) throw Error(fmt::format("cannot write '{}'", m_path.string()));
}

void TextFile::close() {
  m_file.flush();
  if (!m_file) throw Error(fmt::format("cannot write '{}'", m_path.string()));
  m_file.close();
}

}  // namespace qbank::exporters
