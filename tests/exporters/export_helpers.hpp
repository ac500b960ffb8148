// Shared by the exporter tests: run `qbank export` with a fixed SOURCE_DATE_EPOCH, read a
// package back (libzip + SQLite, independently of the exporter's own code), compare goldens.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace qbank::test {

// tests/exporters/fixtures/tricky: quotes, newlines, formulas, <script>, math, tables, URLs.
std::filesystem::path tricky_bank();

// qbank export FORMAT PATH -o OUT [extra...] with SOURCE_DATE_EPOCH=epoch.
ProcessResult export_bank(const std::string& format, const std::filesystem::path& bank, const std::filesystem::path& out,
                          std::int64_t epoch, const std::vector<std::string>& extra = {});

using Rows = std::vector<std::vector<std::string>>;

struct Package {
  std::vector<std::string> entries;  // zip entry names in order
  std::string media;                 // the `media` entry
  std::filesystem::path collection;  // extracted collection.anki2
  Rows query(const std::string& sql) const;
};

// Extracts the package into `scratch`.
Package open_package(const std::filesystem::path& apkg, const std::filesystem::path& scratch);

// Compares `actual` with tests/exporters/golden/<name>; QBANK_UPDATE_GOLDEN=1 rewrites it.
void check_golden(const std::string& name, const std::string& actual);

// Files in a folder (names only), to check that nothing temporary was left behind.
std::vector<std::string> folder_entries(const std::filesystem::path& folder);

}  // namespace qbank::test
