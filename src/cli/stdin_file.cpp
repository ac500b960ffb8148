#include "cli/stdin_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank::cli {

StdinFile::StdinFile(std::string display_name, std::uintmax_t max_bytes) : m_display_name(std::move(display_name)) {
  std::error_code error;
  std::string pattern = (std::filesystem::temp_directory_path(error) / "qbank-stdin-XXXXXX").string();
  if (error || ::mkdtemp(pattern.data()) == nullptr)
    throw Error(fmt::format("cannot create a temporary folder for stdin: {}", std::strerror(errno)));
  m_dir = pattern;
  // Keep the file name when it is a YAML name, so bank.yaml is read with bank.yaml's schema.
  std::string name = std::filesystem::path(m_display_name).filename().string();
  bool yaml = name.ends_with(".yaml") || name.ends_with(".yml");
  m_path = m_dir / (yaml ? name : "stdin.yaml");

  std::ofstream out(m_path, std::ios::binary);
  char buffer[65536];
  std::uintmax_t total = 0;
  while (total <= max_bytes) {
    ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(fmt::format("cannot read stdin: {}", std::strerror(errno)));
    if (n == 0) break;
    out.write(buffer, n);
    total += static_cast<std::uintmax_t>(n);
  }
  out.close();
  if (!out) throw Error(fmt::format("cannot write a temporary copy of stdin in '{}'", m_dir.string()));
}

StdinFile::~StdinFile() {
  std::error_code ignored;
  std::filesystem::remove_all(m_dir, ignored);
}

void StdinFile::rename_in(std::vector<Diagnostic>& diagnostics) const {
  const std::string temp = m_path.string();
  auto rename = [&](std::string& file) {
    if (file == temp) file = m_display_name;
  };
  for (auto& d : diagnostics) {
    rename(d.where.file);
    for (auto& related : d.related) rename(related.where.file);
  }
}

}  // namespace qbank::cli
