#include "exporters/text_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank::exporters {

namespace {
constexpr std::size_t k_buffer_size = std::size_t{1} << 16;

[[noreturn]] void fail(const std::filesystem::path& path, int error) {
  throw Error(fmt::format("cannot write '{}': {}", path.string(), std::strerror(error)));
}
}  // namespace

TextFile::TextFile(std::filesystem::path path) : m_path(std::move(path)) {
  m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (m_fd < 0) fail(m_path, errno);
  m_buffer.reserve(k_buffer_size);
}

TextFile::~TextFile() {
  if (m_fd >= 0) ::close(m_fd);
}

void TextFile::write(std::string_view text) {
  if (m_buffer.size() + text.size() > k_buffer_size) flush();
  if (text.size() >= k_buffer_size) {
    m_buffer = text;
    flush();
    return;
  }
  m_buffer += text;
}

void TextFile::flush() {
  const char* data = m_buffer.data();
  std::size_t size = m_buffer.size();
  while (size > 0) {
    ssize_t n = ::write(m_fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(m_path, n == 0 ? EIO : errno);
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  m_buffer.clear();
}

void TextFile::close() {
  flush();
  int fd = std::exchange(m_fd, -1);
  if (::close(fd) != 0) fail(m_path, errno);
}

}  // namespace qbank::exporters
