// `qbank import markdown`: Markdown documents in, a linted v1 bank folder out. Reads and checks
// each document, recognises its parts, gives ids, writes the folder atomically, runs lint on
// it and traces every finding back to the Markdown line it came from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "importer/model.hpp"
#include "importer/yaml_writer.hpp"
#include "lint/lint.hpp"

namespace qbank::importer {

struct ImportOptions {
  std::vector<std::filesystem::path> documents;
  std::filesystem::path output;
  bool force = false;
  bool dedupe = false;  // merge exact repeats, keeping the answered copy
  std::string title, deck;  // override the first heading
};

struct ImportResult {
  ImportedBank bank;
  std::string title, deck;
  std::vector<WrittenFile> files;  // names and line sources (texts dropped once written)
  lint::LintRun lint;
  std::vector<std::optional<DocLine>> sources;  // the Markdown line of each lint diagnostic
};

// Reads a document for import. Throws Error for a file that cannot be read, is over
// `max_bytes`, is binary (NUL bytes) or is not UTF-8 (naming the line and column).
std::string read_document(const std::filesystem::path& path, std::uintmax_t max_bytes);

// Recognises the documents into one bank (throws Error when one holds no question).
ImportedBank recognize_documents(const std::vector<std::filesystem::path>& documents, std::uintmax_t max_bytes);

// Merges exact repeats (same question after normalisation; answers equal or all but one
// empty), keeping the answered copy and noting each merge.
void merge_repeats(ImportedBank& bank);

// The whole command. Throws Error for tool failures (exit 2).
ImportResult run_import(const ImportOptions& options, const config::Config& config);

}  // namespace qbank::importer
