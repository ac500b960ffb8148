#include "importer/bank_folder.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank::importer {

namespace fs = std::filesystem;

namespace {

void write_all(const fs::path& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      throw Error(fmt::format("cannot write {}: {}", path.string(), std::strerror(saved)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw Error(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
}

// Removes the temp folder unless it was renamed into place.
struct TempFolder {
  fs::path path;
  bool keep = false;
  ~TempFolder() {
    std::error_code ignored;
    if (!keep && !path.empty()) fs::remove_all(path, ignored);
  }
};

}  // namespace

void write_bank_folder(const fs::path& target, const std::vector<WrittenFile>& files, bool force) {
  std::error_code ec;
  auto status = fs::symlink_status(target, ec);
  bool exists = fs::exists(status);
  if (exists && !fs::is_directory(status))
    throw Error(fmt::format("{} exists and is not a folder: choose another output folder", target.string()));
  if (exists && !force) throw Error(fmt::format("{} already exists: pass --force to replace it", target.string()));

  fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(parent, ec)) throw Error(fmt::format("cannot write {}: the folder {} does not exist", target.string(), parent.string()));
  std::string pattern = (parent / ("." + target.filename().string() + ".qbank-import-XXXXXX")).string();
  TempFolder temp;
  if (!::mkdtemp(pattern.data())) throw Error(fmt::format("cannot write {}: {}", target.string(), std::strerror(errno)));
  temp.path = pattern;
  ::chmod(temp.path.c_str(), 0755);  // mkdtemp makes it 0700; a bank folder is an ordinary folder
  for (const auto& file : files) write_all(temp.path / file.name, file.text);

  if (exists) {
    // Swap the new folder in and the old one out in one step; the old one is then removed.
    if (::renameat2(AT_FDCWD, temp.path.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0)
      return;  // temp.path now holds the old bank, removed by TempFolder
    if (errno != EINVAL && errno != ENOSYS)
      throw Error(fmt::format("cannot replace {}: {}", target.string(), std::strerror(errno)));
    // A file system without exchange: move the old folder aside first, then the new one in.
    std::string old_pattern = (parent / ("." + target.filename().string() + ".qbank-old-XXXXXX")).string();
    if (!::mkdtemp(old_pattern.data())) throw Error(fmt::format("cannot replace {}: {}", target.string(), std::strerror(errno)));
    TempFolder old{old_pattern};
    if (::rename(target.c_str(), old.path.c_str()) != 0)
      throw Error(fmt::format("cannot replace {}: {}", target.string(), std::strerror(errno)));
    if (::rename(temp.path.c_str(), target.c_str()) != 0) {
      int saved = errno;
      ::rename(old.path.c_str(), target.c_str());
      old.keep = true;
      throw Error(fmt::format("cannot replace {}: {}", target.string(), std::strerror(saved)));
    }
    temp.keep = true;
    return;
  }
  if (::rename(temp.path.c_str(), target.c_str()) != 0)
    throw Error(fmt::format("cannot write {}: {}", target.string(), std::strerror(errno)));
  temp.keep = true;
}

}  // namespace qbank::importer
