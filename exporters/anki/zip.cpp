#include "exporters/anki/zip.hpp"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <utility>
#include <memory>

#include <fmt/format.h>

#include "core/error.hpp"
#include "exporters/anki/deflate.hpp"

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
// start in 1980 and end with 2107; times outside are clamped to the first or last second.
std::pair<zip_uint16_t, zip_uint16_t> dos_time(std::int64_t seconds) {
  constexpr std::int64_t k_1980 = 315532800;              // 1980-01-01T00:00:00Z
  constexpr std::int64_t k_end_of_2107 = 4354819199;      // 2107-12-31T23:59:59Z
  time_t t = static_cast<time_t>(std::clamp(seconds, k_1980, k_end_of_2107));
  std::tm utc{};
  gmtime_r(&t, &utc);
  auto time = static_cast<zip_uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  auto date = static_cast<zip_uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
  return {time, date};
}

[[noreturn]] void fail(zip_t* archive, const std::filesystem::path& path, std::string_view what) {
  throw Error(fmt::format("cannot {} '{}': {}", what, path.string(), zip_strerror(archive)));
}

// General-purpose bits 1-2 of a deflated entry (the zip spec's hint of how hard the compressor
// tried): "normal". igzip's level 2 compresses about as well as zlib's level 4.
constexpr zip_uint16_t k_normal_compression = 0;

// An entry's data already deflated, as a libzip source. Its stat says "deflate, this CRC, these
// sizes", which is what libzip's add_data() checks to copy the bytes instead of compressing.
struct Precompressed {
  DeflatedData data;
  std::size_t chunk = 0;  // read position: chunk, and offset in it
  std::size_t offset = 0;
  zip_error_t error{};
  explicit Precompressed(DeflatedData deflated) : data(std::move(deflated)) { zip_error_init(&error); }
  ~Precompressed() { zip_error_fini(&error); }
};

zip_int64_t read_precompressed(void* state, void* buffer, zip_uint64_t length, zip_source_cmd_t command) {
  auto& source = *static_cast<Precompressed*>(state);
  switch (command) {
    case ZIP_SOURCE_OPEN:
      source.chunk = source.offset = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      auto* out = static_cast<char*>(buffer);
      zip_uint64_t copied = 0;
      while (copied < length && source.chunk < source.data.chunks.size()) {
        const std::string& chunk = source.data.chunks[source.chunk];
        std::size_t n = std::min<std::size_t>(chunk.size() - source.offset, length - copied);
        std::memcpy(out + copied, chunk.data() + source.offset, n);
        copied += n;
        source.offset += n;
        if (source.offset == chunk.size()) {
          ++source.chunk;
          source.offset = 0;
        }
      }
      return static_cast<zip_int64_t>(copied);
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:  // the writer owns the state
      return 0;
    case ZIP_SOURCE_STAT: {
      if (length < sizeof(zip_stat_t)) break;
      auto* stat = static_cast<zip_stat_t*>(buffer);
      zip_stat_init(stat);
      stat->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
      stat->size = source.data.size;
      stat->comp_size = source.data.compressed_size();
      stat->comp_method = ZIP_CM_DEFLATE;
      stat->crc = source.data.crc;
      stat->encryption_method = ZIP_EM_NONE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
      if (length < sizeof(zip_file_attributes_t)) break;
      auto* attributes = static_cast<zip_file_attributes_t*>(buffer);
      attributes->valid |= ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS;
      attributes->general_purpose_bit_flags = k_normal_compression;
      attributes->general_purpose_bit_mask = 0x0006;
      return sizeof(zip_file_attributes_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&source.error, buffer, length);
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_GET_FILE_ATTRIBUTES, -1);
    default:
      break;
  }
  zip_error_set(&source.error, ZIP_ER_INVAL, 0);
  return -1;
}
}  // namespace

void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries, std::int64_t mtime) {
  // Declared before the archive, so they outlive it: libzip reads them in zip_close.
  std::vector<std::unique_ptr<Precompressed>> sources;
  Archive archive = open_archive(path, ZIP_CREATE | ZIP_TRUNCATE);
  for (const auto& entry : entries) {
    sources.push_back(std::make_unique<Precompressed>(deflate_parallel(entry.content, k_zip_level)));
    zip_source_t* source = zip_source_function(archive.get(), read_precompressed, sources.back().get());
    if (!source) fail(archive.get(), path, "add to");
    zip_int64_t index = zip_file_add(archive.get(), entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      fail(archive.get(), path, "add to");
    }
    // No zip_set_file_compression: with the default method libzip takes the source's own
    // (deflate) and copies its bytes; setting a method would make it compress them again.
    auto at = static_cast<zip_uint64_t>(index);
    if (zip_file_set_dostime(archive.get(), at, dos_time(mtime).first, dos_time(mtime).second, 0) != 0 ||
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
  if (!out) throw Error(fmt::format("cannot write '{}': {}", destination.string(), std::strerror(errno)));
  char buffer[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) throw Error(fmt::format("cannot read '{}' in '{}': {}", name, path.string(), zip_file_strerror(file)));
    if (n == 0) break;
    if (std::fwrite(buffer, 1, static_cast<std::size_t>(n), out.get()) != static_cast<std::size_t>(n))
      throw Error(fmt::format("cannot write '{}': {}", destination.string(), std::strerror(errno)));
  }
  if (std::fflush(out.get()) != 0) throw Error(fmt::format("cannot write '{}': {}", destination.string(), std::strerror(errno)));
}

}  // namespace qbank::exporters::anki
