#include "exporters/anki/zip.hpp"

#include <zip.h>

#include <cstdio>
#include <ctime>
#include <utility>
#include <memory>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank::exporters::anki {

namespace {
struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

Archive open_archive(const std::filesystem::path& path, int flags) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), flags, &error);
  if (!archive) {
    zip_error_t details;
    zip_error_init_with_code(&details, error);
    std::string message = zip_error_strerror(&details);
    zip_error_fini(&details);
    throw Error(fmt::format("cannot open zip '{}': {}", path.string(), message));
  }
  return Archive(archive);
}

// The MS-DOS date and time of `seconds`, in UTC: zip_file_set_mtime would use local time, so
// the same SOURCE_DATE_EPOCH would give different bytes in different time zones. DOS dates
// start in 1980; earlier times are clamped to its first day.
std::pair<zip_uint16_t, zip_uint16_t> dos_time(std::int64_t seconds) {
  constexpr std::int64_t k_1980 = 315532800;
  time_t t = static_cast<time_t>(seconds < k_1980 ? k_1980 : seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  auto time = static_cast<zip_uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  auto date = static_cast<zip_uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
  return {time, date};
}

[[noreturn]] void fail(zip_t* archive, const std::filesystem::path& path, std::string_view what) {
  throw Error(fmt::format("cannot {} '{}': {}", what, path.string(), zip_strerror(archive)));
}
}  // namespace

void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries, std::int64_t mtime) {
  Archive archive = open_archive(path, ZIP_CREATE | ZIP_TRUNCATE);
  for (const auto& entry : entries) {
    zip_source_t* source = entry.file.empty()
                               ? zip_source_buffer(archive.get(), entry.content.data(), entry.content.size(), 0)
                               : zip_source_file(archive.get(), entry.file.c_str(), 0, -1);
    if (!source) fail(archive.get(), path, "add to");
    zip_int64_t index = zip_file_add(archive.get(), entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      fail(archive.get(), path, "add to");
    }
    auto at = static_cast<zip_uint64_t>(index);
    // Level 1: on a 100k-question collection (130 MB) it deflates 2.4x faster than level 6
    // for a package 10% larger (measured with gzip: 1.5 s vs 3.6 s CPU, 43.5 vs 39.4 MB).
    if (zip_set_file_compression(archive.get(), at, ZIP_CM_DEFLATE, 1) != 0 ||
        zip_file_set_dostime(archive.get(), at, dos_time(mtime).first, dos_time(mtime).second, 0) != 0 ||
        zip_file_set_external_attributes(archive.get(), at, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0)
      fail(archive.get(), path, "write");
  }
  if (zip_close(archive.get()) != 0) fail(archive.get(), path, "write");
  (void)archive.release();  // zip_close freed it
}

void extract_zip_entry(const std::filesystem::path& path, const std::string& name, const std::filesystem::path& destination) {
  Archive archive = open_archive(path, ZIP_RDONLY);
  zip_file_t* file = zip_fopen(archive.get(), name.c_str(), 0);
  if (!file) throw Error(fmt::format("'{}' is not a package qbank can read: it has no '{}'", path.string(), name));
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(destination.c_str(), "wb"), std::fclose);
  if (!out) throw Error(fmt::format("cannot write '{}'", destination.string()));
  char buffer[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) throw Error(fmt::format("cannot read '{}' in '{}': {}", name, path.string(), zip_file_strerror(file)));
    if (n == 0) break;
    if (std::fwrite(buffer, 1, static_cast<std::size_t>(n), out.get()) != static_cast<std::size_t>(n))
      throw Error(fmt::format("cannot write '{}'", destination.string()));
  }
  if (std::fflush(out.get()) != 0) throw Error(fmt::format("cannot write '{}'", destination.string()));
}

}  // namespace qbank::exporters::anki
