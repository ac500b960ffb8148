#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank {

namespace {
std::string system_error_text() { return std::strerror(errno); }
}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
  std::filesystem::path folder = m_target.parent_path();
  if (folder.empty()) folder = ".";
  std::string pattern = (folder / (m_target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw Error(fmt::format("cannot create a file in '{}': {}", folder.string(), system_error_text()));
  // mkstemp makes the file 0600. Replacing a file keeps its mode; a new one gets the usual
  // umask-derived mode.
  struct stat existing {};
  if (::stat(m_target.c_str(), &existing) == 0) {
    ::fchmod(fd, existing.st_mode & 07777);
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  ::close(fd);
  m_temp = pattern;
}

AtomicFile::~AtomicFile() {
  if (!m_committed) {
    std::error_code ignored;
    std::filesystem::remove(m_temp, ignored);
  }
}

void AtomicFile::commit() {
  // fsync before rename so a crash cannot leave the new name pointing at unwritten data.
  int fd = ::open(m_temp.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (::rename(m_temp.c_str(), m_target.c_str()) != 0)
    throw Error(fmt::format("cannot write '{}': {}", m_target.string(), system_error_text()));
  m_committed = true;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  AtomicFile file(target);
  {
    std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) throw Error(fmt::format("cannot write '{}'", target.string()));
  }
  file.commit();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("cannot read '{}': {}", path.string(), system_error_text()));
  std::string content;
  // Reserving the size a regular file says it has spares the regrowth (pipes just grow).
  std::error_code size_error;
  if (auto size = std::filesystem::file_size(path, size_error); !size_error) content.reserve(size);
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) content.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw Error(fmt::format("cannot read '{}'", path.string()));
  return content;
}

}  // namespace qbank
