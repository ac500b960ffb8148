// The .apkg writer's machinery: parallel deflate (joined chunks are one valid stream, deflating
// ahead never changes the bytes), the zip of precompressed entries (libzip and Python read it
// back with its CRC), the in-memory collection and its image, ordered parallel work, and the
// reused Markdown parser.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <zip.h>
#include <zlib.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "exporters/anki/deflate.hpp"
#include "exporters/anki/html.hpp"
#include "exporters/anki/ordered_work.hpp"
#include "exporters/anki/sqlite.hpp"
#include "exporters/anki/zip.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::exporters::anki;

namespace {
// Compressible but not trivial: numbered lines with a pseudo-random word each.
std::string sample_text(std::size_t size) {
  std::string text;
  std::uint32_t state = 12345;
  for (std::size_t line = 0; text.size() < size; ++line) {
    state = state * 1103515245u + 12345u;
    text += "line " + std::to_string(line) + " word" + std::to_string(state % 5000) + " <p>some html</p>\n";
  }
  text.resize(size);
  return text;
}

std::string joined(const DeflatedData& deflated) {
  std::string out;
  for (const auto& chunk : deflated.chunks) out += chunk;
  return out;
}

std::string inflate_raw(const std::string& compressed, std::size_t size) {
  std::string out(size + 1, '\0');
  z_stream z{};
  REQUIRE(inflateInit2(&z, -15) == Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  CHECK(inflate(&z, Z_FINISH) == Z_STREAM_END);  // one stream, final block at the very end
  CHECK(z.avail_in == 0);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

std::uint32_t crc_of(const std::string& data) {
  return static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}
}  // namespace

TEST_CASE("deflate_parallel: the chunks joined are one raw deflate stream of the data, with its CRC") {
  for (std::size_t size : {std::size_t{0}, std::size_t{2}, std::size_t{1} << 20, (std::size_t{7} << 19) + 123}) {
    INFO("size " << size);
    std::string data = sample_text(size);
    DeflatedData deflated = deflate_parallel(data, 1);
    CHECK(deflated.size == data.size());
    CHECK(deflated.crc == crc_of(data));
    CHECK(deflated.compressed_size() == joined(deflated).size());
    CHECK(inflate_raw(joined(deflated), data.size()) == data);
    if (size > 1000) CHECK(deflated.compressed_size() < data.size() / 2);
  }
}

TEST_CASE("deflate ahead: the same bytes as without it, and ignored when the data changed since") {
  std::string data = sample_text((std::size_t{9} << 20) + 4321);
  std::string plain = joined(deflate_parallel(data, 1));
  std::string_view prefix = std::string_view(data).substr(0, std::size_t{6} << 20);

  SECTION("unchanged prefix: chunks reused, output identical") {
    EarlyDeflate early(prefix, 1);
    DeflatedData deflated = deflate_parallel(data, 1, &early);
    CHECK(early.end() == 6);
    CHECK(joined(deflated) == plain);
    CHECK(deflated.crc == crc_of(data));
  }
  SECTION("the first MiB changed later (as SQLite's header page does): still reused") {
    std::string copy = std::string(prefix);
    copy[10] ^= 1;
    EarlyDeflate early(copy, 1);
    CHECK(joined(deflate_parallel(data, 1, &early)) == plain);
    CHECK(early.end() == 6);
  }
  SECTION("a byte changed in a deflated chunk: nothing reused, output still right") {
    std::string copy = std::string(prefix);
    copy[(std::size_t{3} << 20) + 7] ^= 1;
    EarlyDeflate early(copy, 1);
    CHECK(joined(deflate_parallel(data, 1, &early)) == plain);
    CHECK(early.end() == 0);
  }
  SECTION("the data ended where the copy did: nothing reused (its last chunk must be final)") {
    std::string shorter = data.substr(0, std::size_t{6} << 20);
    EarlyDeflate early(prefix, 1);
    DeflatedData deflated = deflate_parallel(shorter, 1, &early);
    CHECK(early.end() == 0);
    CHECK(inflate_raw(joined(deflated), shorter.size()) == shorter);
  }
}

TEST_CASE("write_zip stores precompressed entries that libzip and Python read back with their CRC") {
  qbank::test::TempDir dir;
  std::string big = sample_text((std::size_t{5} << 20) + 99);
  EarlyDeflate early(std::string_view(big).substr(0, std::size_t{3} << 20), k_zip_level);
  auto archive = dir.path() / "test.zip";
  write_zip(archive, {{"big.bin", big, &early}, {"small", "{}"}, {"empty", ""}}, 1700000000);

  int error = 0;
  zip_t* zip = zip_open(archive.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(zip);
  REQUIRE(zip_get_num_entries(zip, 0) == 3);
  for (auto [name, expected] : {std::pair<const char*, const std::string*>{"big.bin", &big}}) {
    zip_stat_t stat;
    REQUIRE(zip_stat(zip, name, 0, &stat) == 0);
    CHECK(stat.comp_method == ZIP_CM_DEFLATE);
    CHECK(stat.size == expected->size());
    CHECK(stat.crc == crc_of(*expected));
    zip_file_t* file = zip_fopen(zip, name, 0);
    REQUIRE(file);
    std::string content;
    char buffer[1 << 16];
    zip_int64_t n;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(n));
    CHECK(n == 0);  // read to the end: libzip checked the CRC there
    zip_fclose(file);
    CHECK(content == *expected);
  }
  zip_discard(zip);

  // An independent reader: Python's zipfile checks every entry's CRC (skipped without python3).
  if (std::system("python3 -c 'import zipfile' >/dev/null 2>&1") == 0) {
    std::string command = "python3 -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                          "sys.exit(z.testzip() is not None or z.read('small') != b'{}' or z.read('empty') != b'')\" '" +
                          archive.string() + "'";
    CHECK(std::system(command.c_str()) == 0);
  }
}

TEST_CASE("an in-memory database is private to its connection, and its image is a database file") {
  qbank::test::TempDir dir;
  Database one(Database::InMemory{"one"});
  Database two(Database::InMemory{"two"});
  one.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3); CREATE INDEX ix on t (x)");
  two.exec("CREATE TABLE u (y)");
  Statement tables(two, "SELECT count(*) FROM sqlite_master WHERE name = 't'");
  REQUIRE(tables.step());
  CHECK(tables.column_int(0) == 0);

  std::string_view image = one.image();
  REQUIRE(image.size() >= 4096);
  CHECK(image.substr(0, 16) == std::string_view("SQLite format 3\0", 16));
  auto file = dir.path() / "image.db";
  std::ofstream(file, std::ios::binary).write(image.data(), static_cast<std::streamsize>(image.size()));
  Database reopened(file, true);
  Statement check(reopened, "PRAGMA integrity_check");
  REQUIRE(check.step());
  CHECK(check.column_text(0) == "ok");
  Statement sum(reopened, "SELECT sum(x), (SELECT count(*) FROM sqlite_master WHERE type = 'index') FROM t");
  REQUIRE(sum.step());
  CHECK(sum.column_int(0) == 6);
  CHECK(sum.column_int(1) == 1);

  // Not capped at memdb's default 1 GiB (a 1M-note collection is about 1.3 GB).
  sqlite3_int64 limit = -1;  // negative: ask, do not change
  REQUIRE(sqlite3_file_control(one.handle(), "main", SQLITE_FCNTL_SIZE_LIMIT, &limit) == SQLITE_OK);
  CHECK(limit == Database::k_memory_size_limit);
}

TEST_CASE("OrderedWork runs every job once, and hands a job's exception to the consumer") {
  const std::size_t count = 5000;
  std::vector<std::atomic<int>> runs(count);
  {
    OrderedWork work(count, [&](std::size_t i) { runs[i].fetch_add(1); }, 2);
    for (std::size_t i = 0; i < count; ++i) {
      work.wait_for(i);
      CHECK(runs[i].load() == 1);
    }
  }
  for (auto& each : runs) CHECK(each.load() == 1);

  OrderedWork failing(count, [](std::size_t i) { if (i == 1234) throw std::runtime_error("job 1234"); }, 1);
  CHECK_THROWS_WITH([&] { for (std::size_t i = 0; i < count; ++i) failing.wait_for(i); }(), "job 1234");

  std::vector<int> squares(count);
  parallel_for(count, [&](std::size_t i) { squares[i] = static_cast<int>(i * i); });
  for (std::size_t i = 0; i < count; ++i) CHECK(squares[i] == static_cast<int>(i * i));
}

TEST_CASE("markdown_to_html reuses its parser without carrying link definitions over") {
  CHECK(markdown_to_html("[a]: https://example.com\n\n[a]") == "<p><a href=\"https://example.com\">a</a></p>");
  CHECK(markdown_to_html("[a]") == "<p>[a]</p>");
  CHECK(markdown_to_html("| x |\n|---|\n| 1 |").find("<table>") != std::string::npos);
  CHECK(markdown_to_html("") == "");
}
