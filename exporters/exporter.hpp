// The exporter interface: one Exporter per output format, listed once in registry.cpp.
// `qbank export FORMAT` looks the format up there; an exporter writes the whole output to
// the temp path it is given (the caller renames it over the target on success, so a failed
// export never leaves a truncated file). Exporters throw qbank::Error on tool failures.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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

// What an export wrote, for the one summary line `qbank export` prints:
// "wrote out/deck.apkg: 100 notes in 5 decks (3 changed since --previous)".
struct ExportReport {
  std::size_t items = 0;        // notes, rows or questions
  std::string_view item_word;   // plural: "notes", "rows", "questions"
  std::size_t groups = 0;       // decks or sections
  std::string_view group_word;  // plural: "decks", "sections"
  std::optional<std::size_t> changed;  // anki with --previous: notes new or changed since then
  std::vector<std::string> left_out;   // what the bank has but the output does not, and why
};

struct Exporter {
  std::string_view name;
  std::string_view extension;
  std::string_view summary;
  ExportReport (*write)(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);
  bool binary = false;         // never written to a terminal (-o - into a pipe or file is fine)
  std::string_view alias;      // another name `qbank export` accepts ("apkg", "md"); may be empty
  bool uses_previous = false;  // --previous means something to it
  bool deck_identity = false;  // its notes' GUIDs derive from the deck name (so from bank.yaml)
};

std::span<const Exporter> all_exporters();
// By name or alias; nullptr when unknown.
const Exporter* find_exporter(std::string_view name);

// The individual formats (registry.cpp lists them).
ExportReport write_anki(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);
ExportReport write_anki_text(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);
ExportReport write_csv(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);
ExportReport write_markdown(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path);

}  // namespace qbank::exporters
