#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank {

namespace {
namespace fs = std::filesystem;

constexpr std::string_view k_temp_marker = ".qbank-tmp-";

std::string system_error_text(int error = errno) { return std::strerror(error); }

std::string temp_pattern(const fs::path& folder, const fs::path& name) {
  return (folder / fmt::format(".{}{}{}-XXXXXX", name.filename().string(), k_temp_marker, ::getpid())).string();
}

fs::path folder_of(const fs::path& path) {
  fs::path folder = path.parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

// /dev/stdout, /dev/fd/3, /proc/self/fd/1 are links to whatever the descriptor is: a pipe, a
// terminal or the file the shell opened. They are written in place whatever they point to:
// replacing the file behind them would break the shell's redirection (and `>>` appends).
bool special_path(const fs::path& path) {
  std::string text = fs::absolute(path).lexically_normal().string();
  return text.starts_with("/dev/") || text.starts_with("/proc/");
}

// Writes all of `data` to `fd`; false with errno set on failure.
bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

[[noreturn]] void throw_write_error(const fs::path& target, int error) {
  throw Error(fmt::format("cannot write '{}': {}", target.string(), system_error_text(error)));
}

// Opens a target written in place (a device, a FIFO, a descriptor's link).
int open_in_place(const fs::path& target) {
  int fd = ::open(target.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) throw_write_error(target, errno);
  return fd;
}
}  // namespace

AtomicFile::AtomicFile(fs::path target) : m_target(std::move(target)), m_real(m_target) {
  struct stat link {}, info {};
  bool exists = ::stat(m_target.c_str(), &info) == 0;
  bool is_link = ::lstat(m_target.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
  if (!exists && is_link) {
    std::error_code ignored;
    throw Error(fmt::format("cannot write '{}': it is a symbolic link to '{}', which does not exist", m_target.string(),
                            fs::read_symlink(m_target, ignored).string()));
  }
  if (exists && S_ISDIR(info.st_mode)) throw Error(fmt::format("cannot write '{}': it is a folder", m_target.string()));
  m_in_place = special_path(m_target) || (exists && (S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode)));
  if (exists && !m_in_place && !S_ISREG(info.st_mode))
    throw Error(fmt::format("cannot write '{}': it is not a regular file, a character device or a FIFO", m_target.string()));
  if (is_link && !m_in_place) {  // the link stays; the file it points to is replaced
    std::error_code error;
    m_real = fs::canonical(m_target, error);
    if (error) throw Error(fmt::format("cannot write '{}': {}", m_target.string(), error.message()));
  }

  // A target written in place still gets a temp file (exporters need a real file: SQLite),
  // in the temp folder: never in /dev.
  fs::path folder = m_in_place ? fs::temp_directory_path() : folder_of(m_real);
  remove_stale_temp_files(folder);
  std::string pattern = temp_pattern(folder, m_in_place ? fs::path("qbank-output") : m_real.filename());
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw Error(fmt::format("cannot create a file in '{}': {}", folder.string(), system_error_text()));
  m_temp = pattern;
  // mkstemp makes the file 0600. A replaced file keeps its mode, owner and group (owner and
  // group need root, as when `--fix` runs as root in CI on files a user owns); a new one gets
  // the usual umask-derived mode.
  if (exists && !m_in_place) {
    if (info.st_uid != ::geteuid() || info.st_gid != ::getegid()) {
      if (::fchown(fd, info.st_uid, info.st_gid) != 0 && errno != EPERM) {
        int error = errno;
        ::close(fd);
        throw Error(fmt::format("cannot keep the owner of '{}': {}", m_target.string(), system_error_text(error)));
      }
    }
    ::fchmod(fd, info.st_mode & 07777);
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  ::close(fd);
}

AtomicFile::~AtomicFile() {
  if (!m_committed) {
    std::error_code ignored;
    fs::remove(m_temp, ignored);
  }
}

void AtomicFile::commit() {
  if (m_in_place) {
    int in = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) throw Error(fmt::format("cannot read '{}': {}", m_temp.string(), system_error_text()));
    int out = open_in_place(m_target);
    char buffer[1 << 16];
    ssize_t n;
    while ((n = ::read(in, buffer, sizeof buffer)) != 0) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 || !write_all(out, buffer, static_cast<std::size_t>(n))) {
        int error = errno;
        ::close(in);
        ::close(out);
        throw_write_error(m_target, error);
      }
    }
    ::close(in);
    if (::close(out) != 0 && errno != EINTR) throw_write_error(m_target, errno);
    std::error_code ignored;
    fs::remove(m_temp, ignored);
    m_committed = true;
    return;
  }
  // fsync before rename so a crash cannot leave the new name pointing at unwritten data; a
  // full disk can show only here (delayed allocation), so its failure counts.
  int fd = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw_write_error(m_target, errno);
  if (::fsync(fd) != 0 && errno != EINVAL) {
    int error = errno;
    ::close(fd);
    throw_write_error(m_target, error);
  }
  ::close(fd);
  if (::rename(m_temp.c_str(), m_real.c_str()) != 0) throw_write_error(m_target, errno);
  m_committed = true;
}

void write_file_atomically(const fs::path& target, std::string_view content) {
  AtomicFile file(target);
  int fd = ::open(file.temp_path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) throw_write_error(target, errno);
  if (!write_all(fd, content.data(), content.size())) {
    int error = errno;
    ::close(fd);
    throw_write_error(target, error);
  }
  if (::close(fd) != 0) throw_write_error(target, errno);
  file.commit();
}

void write_file_atomically(const fs::path& target, const std::function<void(std::ostream&)>& write) {
  AtomicFile file(target);
  {
    errno = 0;
    std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
    if (!out) throw_write_error(target, errno);
    write(out);
    out.flush();
    if (!out) throw_write_error(target, errno != 0 ? errno : EIO);
  }
  file.commit();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("cannot read '{}': {}", path.string(), system_error_text()));
  std::string content;
  // Reserving the size a regular file says it has spares the regrowth (pipes just grow).
  std::error_code size_error;
  if (auto size = fs::file_size(path, size_error); !size_error) content.reserve(size);
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) content.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw Error(fmt::format("cannot read '{}'", path.string()));
  return content;
}

fs::path make_temp_folder(const fs::path& beside) {
  fs::path folder = folder_of(beside);
  std::string pattern = temp_pattern(folder, beside.filename());
  if (!::mkdtemp(pattern.data()))
    throw Error(fmt::format("cannot create a temp folder in '{}': {}", folder.string(), system_error_text()));
  return pattern;
}

void remove_stale_temp_files(const fs::path& folder) {
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    // `.<name>.qbank-tmp-<pid>-XXXXXX`: stale when no process <pid> exists any more.
    std::string name = it->path().filename().string();
    if (!name.starts_with('.')) continue;
    std::size_t marker = name.rfind(k_temp_marker);
    if (marker == std::string::npos) continue;
    std::string_view rest = std::string_view(name).substr(marker + k_temp_marker.size());
    pid_t pid = 0;
    auto [after, parsed] = std::from_chars(rest.data(), rest.data() + rest.size(), pid);
    // (libzip's own temp file, made beside ours while a package is written, has a longer tail.)
    if (parsed != std::errc() || pid <= 0 || std::string_view(after, rest.data() + rest.size()).size() < 7 || *after != '-')
      continue;
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

}  // namespace qbank
