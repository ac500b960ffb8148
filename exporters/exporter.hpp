// The exporter interface: one Exporter per output format, listed once in registry.cpp.
// `qbank export FORMAT` looks the format up there; an exporter writes the whole output to
// the temp path it is given (the caller renames it over the target on success, so a failed
// export never leaves a truncated file). Exporters throw qbank::Error on tool failures.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>

#include "bank/model.hpp"

namespace qbank::exporters {

struct ExportOptions {
  // Seconds since the epoch stamped into the output (SOURCE_DATE_EPOCH when set, else now),
  // so two exports of the same bank with the same timestamp are byte-identical.
  std::int64_t timestamp = 0;
  // anki: the last published package; notes whose content did not change keep its `mod`.
  std::optional<std::filesystem::path> previous;
  bool bom = false;  // csv: start with a UTF-8 byte order mark (for spreadsheets)
  bool raw = false;  // csv: no formula-injection neutralisation
};

struct Exporter {
  std::string_view name;
  std::string_view extension;
  std::string_view summary;
  void (*write)(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);
  bool binary = false;  // not meant for a terminal (still streamable with -o -)
};

std::span<const Exporter> all_exporters();
const Exporter* find_exporter(std::string_view name);

// The individual formats (registry.cpp lists them).
void write_anki(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);
void write_anki_text(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);
void write_csv(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);
void write_markdown(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);

}  // namespace qbank::exporters
