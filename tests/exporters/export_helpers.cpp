#include "export_helpers.hpp"

#include <sqlite3.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>

namespace qbank::test {

std::filesystem::path tricky_bank() { return source_dir() / "tests/exporters/fixtures/tricky"; }

ProcessResult export_bank(const std::string& format, const std::filesystem::path& bank, const std::filesystem::path& out,
                          std::int64_t epoch, const std::vector<std::string>& extra) {
  std::vector<std::string> args{"export", format, bank.string(), "-o", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_qbank(args, {}, {{"SOURCE_DATE_EPOCH", std::to_string(epoch)}});
}

Rows Package::query(const std::string& sql) const {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(collection.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  INFO(sql);
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  Rows rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      row.emplace_back(text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))) : "NULL");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

namespace {
std::string read_entry(zip_t* archive, zip_int64_t index) {
  zip_stat_t stat;
  REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0);
  zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
  REQUIRE(file);
  std::string content(stat.size, '\0');
  REQUIRE(zip_fread(file, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
  zip_fclose(file);
  return content;
}
}  // namespace

Package open_package(const std::filesystem::path& apkg, const std::filesystem::path& scratch) {
  int error = 0;
  zip_t* archive = zip_open(apkg.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(archive);
  Package package;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    std::string name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    package.entries.push_back(name);
    std::string content = read_entry(archive, i);
    if (name == "media") package.media = content;
    if (name == "collection.anki2") {
      package.collection = scratch / ("collection-" + apkg.stem().string() + ".anki2");
      std::ofstream(package.collection, std::ios::binary) << content;
    }
  }
  zip_discard(archive);
  REQUIRE(!package.collection.empty());
  return package;
}

void check_golden(const std::string& name, const std::string& actual) {
  auto path = source_dir() / "tests/exporters/golden" / name;
  const char* update = std::getenv("QBANK_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    WARN("updated golden file " << path.string());
    return;
  }
  INFO("golden file " << path.string() << " (QBANK_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(std::filesystem::exists(path));
  CHECK(read_text(path) == actual);
}

std::vector<std::string> folder_entries(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace qbank::test
