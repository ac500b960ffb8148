// The .apkg writer's machinery: parallel deflate (joined chunks are one valid stream, whatever
// the data), the zip of precompressed entries (libzip and Python read it back with its CRC,
// dates in range), the in-memory collection and its image, ordered parallel work, and
// Markdown rendering in per-thread arenas.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "core/error.hpp"
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

// Bytes that do not compress: what a package's media could be (and the worst case for the
// output buffer's size).
std::string random_bytes(std::size_t size) {
  std::string bytes(size, '\0');
  std::uint64_t state = 88172645463325252ull;
  for (auto& byte : bytes) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    byte = static_cast<char>(state >> 56);
  }
  return bytes;
}

TEST_CASE("deflate_parallel: the chunks joined are one raw deflate stream of the data, with its CRC") {
  const std::size_t mib = std::size_t{1} << 20;
  for (int level = k_min_deflate_level; level <= k_max_deflate_level; ++level) {
    for (std::size_t size : {std::size_t{0}, std::size_t{2}, mib - 1, mib, mib + 1, 7 * mib / 2 + 123}) {
      INFO("level " << level << ", size " << size);
      std::string data = sample_text(size);
      DeflatedData deflated = deflate_parallel(data, level);
      CHECK(deflated.size == data.size());
      CHECK(deflated.chunks.size() == std::max<std::size_t>(1, (size + mib - 1) / mib));
      CHECK(deflated.crc == crc_of(data));
      CHECK(deflated.compressed_size() == joined(deflated).size());
      CHECK(inflate_raw(joined(deflated), data.size()) == data);
      if (size > 1000) CHECK(deflated.compressed_size() < data.size() / 2);
    }
  }
}

TEST_CASE("deflate_parallel: incompressible data, a long run, and a level out of range") {
  std::string noise = random_bytes((std::size_t{5} << 20) / 2);
  for (int level = k_min_deflate_level; level <= k_max_deflate_level; ++level) {
    INFO("level " << level);
    DeflatedData deflated = deflate_parallel(noise, level);
    CHECK(inflate_raw(joined(deflated), noise.size()) == noise);
    CHECK(deflated.crc == crc_of(noise));
    CHECK(deflated.compressed_size() < noise.size() + noise.size() / 100);
  }

  std::string zeros(std::size_t{3} << 20, '\0');
  DeflatedData run = deflate_parallel(zeros, 2);
  CHECK(inflate_raw(joined(run), zeros.size()) == zeros);
  CHECK(run.compressed_size() < 40000);

  CHECK_THROWS_AS(deflate_parallel("x", k_max_deflate_level + 1), qbank::Error);
  CHECK_THROWS_AS(deflate_parallel("x", 0), qbank::Error);  // igzip's level 0 grows noise by a quarter
}

TEST_CASE("deflate_parallel: the same bytes every run") {
  std::string data = sample_text((std::size_t{9} << 20) + 4321);
  std::string first = joined(deflate_parallel(data, k_zip_level));
  for (int run = 0; run < 3; ++run) CHECK(joined(deflate_parallel(data, k_zip_level)) == first);
}

TEST_CASE("write_zip stores precompressed entries that libzip and Python read back with their CRC") {
  qbank::test::TempDir dir;
  const std::string big = sample_text((std::size_t{5} << 20) + 99);
  const std::string noise = random_bytes(300000);
  const std::string small = "{}";
  const std::string empty;
  const std::vector<std::pair<std::string, const std::string*>> expected = {
      {"big.bin", &big}, {"noise.bin", &noise}, {"small", &small}, {"empty", &empty}};
  std::vector<ZipEntry> entries;
  for (const auto& [name, content] : expected) entries.push_back({name, *content});
  auto archive = dir.path() / "test.zip";
  write_zip(archive, entries, 1700000000);

  int error = 0;
  zip_t* zip = zip_open(archive.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(zip);
  REQUIRE(zip_get_num_entries(zip, 0) == static_cast<zip_int64_t>(expected.size()));
  for (std::size_t index = 0; index < expected.size(); ++index) {
    const auto& [name, content] = expected[index];
    INFO(name);
    CHECK(zip_get_name(zip, index, 0) == name);  // in the order given
    zip_stat_t stat;
    REQUIRE(zip_stat(zip, name.c_str(), 0, &stat) == 0);
    CHECK(stat.comp_method == ZIP_CM_DEFLATE);
    CHECK(stat.size == content->size());
    CHECK(stat.crc == crc_of(*content));
    zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
    REQUIRE(file);
    std::string read;
    char buffer[1 << 16];
    zip_int64_t n;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) read.append(buffer, static_cast<std::size_t>(n));
    CHECK(n == 0);  // read to the end: libzip checked the CRC there
    zip_fclose(file);
    CHECK(read == *content);
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

// The DOS date and time of the first entry, from its local header (zip spec 4.3.7).
std::pair<unsigned, unsigned> first_entry_dos_time(const std::filesystem::path& archive) {
  std::ifstream in(archive, std::ios::binary);
  unsigned char header[14] = {};
  in.read(reinterpret_cast<char*>(header), sizeof header);
  return {header[10] | (header[11] << 8), header[12] | (header[13] << 8)};
}

TEST_CASE("write_zip stamps entries in UTC, clamped to the years a zip can hold (1980-2107)") {
  qbank::test::TempDir dir;
  auto archive = dir.path() / "t.zip";
  auto stamp = [&](std::int64_t seconds) {
    write_zip(archive, {{"a", "x"}}, seconds);
    return first_entry_dos_time(archive);
  };
  auto dos = [](unsigned year, unsigned month, unsigned day, unsigned hour, unsigned minute, unsigned second) {
    return std::pair<unsigned, unsigned>{(hour << 11) | (minute << 5) | (second / 2), ((year - 1980) << 9) | (month << 5) | day};
  };
  CHECK(stamp(1700000000) == dos(2023, 11, 14, 22, 13, 20));
  CHECK(stamp(0) == dos(1980, 1, 1, 0, 0, 0));
  CHECK(stamp(4354819199) == dos(2107, 12, 31, 23, 59, 58));
  CHECK(stamp(5000000000) == dos(2107, 12, 31, 23, 59, 58));  // 2128: past what 7 bits of year hold
}

TEST_CASE("a database that cannot be opened is an error naming it (and its connection is closed)") {
  qbank::test::TempDir dir;
  // SQLite hands out a connection even when opening fails; under the sanitizers a connection
  // left open is a leak and fails this test.
  CHECK_THROWS_WITH(Database(dir.path() / "missing.db", true), Catch::Contains("missing.db"));
}

TEST_CASE("an in-memory database with memory reserved grows past it") {
  Database db(Database::InMemory{"reserved", std::size_t{64} << 10});
  db.exec("CREATE TABLE t (x); BEGIN");
  Statement insert(db, "INSERT INTO t VALUES (?)");
  const std::string row(1000, 'r');
  for (int i = 0; i < 3000; ++i) {  // 3 MB: far past the 64 KiB reserved
    insert.bind(1, row);
    insert.run();
  }
  db.exec("COMMIT");
  CHECK(db.image().size() > (std::size_t{2} << 20));
  Statement check(db, "SELECT count(*), (SELECT integrity_check FROM pragma_integrity_check) FROM t");
  REQUIRE(check.step());
  CHECK(check.column_int(0) == 3000);
  CHECK(check.column_text(1) == "ok");
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

  // Threads only when there is enough work for them, and never more threads than jobs.
  const std::size_t others = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), 8) - 1;
  CHECK(OrderedWork::default_workers(1) == 0);
  CHECK(OrderedWork::default_workers(999) == 0);
  CHECK(OrderedWork::default_workers(5000) == others);
  CHECK(OrderedWork::default_workers(1, 2) == 0);
  CHECK(OrderedWork::default_workers(2, 2) == std::min<std::size_t>(others, 1));
  CHECK(OrderedWork::default_workers(100, 2) == others);
}

TEST_CASE("OrderedWork with a lead: no job starts that far past the consumer, whoever runs it") {
  const std::size_t count = 20000, lead = 64, workers = 3;
  for (int round = 0; round < 5; ++round) {
    std::atomic<std::size_t> consumer{0};
    std::vector<std::size_t> ahead(count);  // how far past the consumer each job started
    {
      OrderedWork work(count, [&](std::size_t i) { ahead[i] = i - std::min(i, consumer.load()); }, workers, lead);
      for (std::size_t i = 0; i < count; ++i) {
        consumer.store(i);
        work.wait_for(i);
      }
    }
    CHECK(*std::max_element(ahead.begin(), ahead.end()) < lead);
  }

  // A consumer that stops early: the destructor wakes the waiting workers and joins them.
  std::atomic<std::size_t> ran{0};
  {
    OrderedWork work(count, [&](std::size_t) { ran.fetch_add(1); }, workers, 8);
    for (std::size_t i = 0; i < 10; ++i) work.wait_for(i);
  }
  CHECK(ran.load() < 10 + 8);

  // No workers: the consumer does every job, in order.
  std::vector<std::size_t> order;
  {
    OrderedWork work(100, [&](std::size_t i) { order.push_back(i); }, 0, 8);
    for (std::size_t i = 0; i < 100; ++i) work.wait_for(i);
  }
  REQUIRE(order.size() == 100);
  for (std::size_t i = 0; i < 100; ++i) CHECK(order[i] == i);

  // A job that throws, with a lead: the consumer gets the exception once that job has run,
  // which is no sooner than a lead before it.
  OrderedWork failing(count, [](std::size_t i) { if (i == 777) throw std::runtime_error("job 777"); }, workers, lead);
  std::size_t reached = 0;
  CHECK_THROWS_WITH([&] { for (; reached < count; ++reached) failing.wait_for(reached); }(), "job 777");
  CHECK(reached + lead > 777);
  CHECK(reached <= 777);
}

TEST_CASE("markdown_to_html: no link definitions carried over, any size, on many threads at once") {
  CHECK(markdown_to_html("[a]: https://example.com\n\n[a]") == "<p><a href=\"https://example.com\">a</a></p>");
  CHECK(markdown_to_html("[a]") == "<p>[a]</p>");
  CHECK(markdown_to_html("| x |\n|---|\n| 1 |").find("<table>") != std::string::npos);
  CHECK(markdown_to_html("") == "");

  // A document bigger than the per-thread arena's blocks, then small ones again: the arena
  // grows for it and is still right afterwards. (The largest document cmark-gfm is given is
  // 32 KiB: core/markdown_limits.hpp; a bigger one reaches the card as escaped text.)
  std::string big;
  for (int i = 0; i < 729; ++i) big += "Paragraph **" + std::to_string(i) + "** with `code` and ~~gone~~.\n\n";
  std::string html = markdown_to_html(big);
  std::size_t paragraphs = 0;
  for (std::size_t at = html.find("<p>"); at != std::string::npos; at = html.find("<p>", at + 1)) ++paragraphs;
  CHECK(paragraphs == 729);
  CHECK(html.find("<p>Paragraph <strong>728</strong> with <code>code</code> and <del>gone</del>.</p>") != std::string::npos);
  CHECK(html.size() > big.size());
  CHECK(markdown_to_html("*again*") == "<p><em>again</em></p>");

  // Rendering on several threads at once gives what rendering one by one gives.
  std::vector<std::string> documents, expected;
  for (int i = 0; i < 400; ++i) {
    documents.push_back("# Title " + std::to_string(i) + "\n\n- item *" + std::to_string(i * 7) +
                        "*\n- see https://example.org/" + std::to_string(i) + "\n\n| a | b |\n|---|---|\n| " +
                        std::to_string(i) + " | <script>x</script> |\n");
    expected.push_back(markdown_to_html(documents.back()));
  }
  std::vector<std::string> results(documents.size() * 4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < documents.size(); ++i) results[t * documents.size() + i] = markdown_to_html(documents[i]);
    });
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < results.size(); ++i) CHECK(results[i] == expected[i % documents.size()]);
  CHECK(expected[3].find("<script>") == std::string::npos);
}
