// Reads bank folders and YAML files into the model, in parallel, turning every problem with
// the input (syntax, encoding, limits, duplicate keys, schema violations) into Diagnostics.
// Only a path that cannot be read at all is an Error (exit 2).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bank/model.hpp"
#include "core/diagnostic.hpp"

namespace qbank::bank {

struct LoadOptions {
  std::uintmax_t max_file_bytes = 16u << 20;  // larger files are reported, not read
  int max_depth = 64;                         // nesting of mappings and sequences
  unsigned threads = 0;                       // 0: one per core
  bool validate_schema = true;
  // Called from worker threads as files finish (for a progress line); may be empty.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct LoadedBank {
  Bank bank;
  std::vector<Diagnostic> diagnostics;  // unsorted; stages append, output sorts
  std::size_t files = 0;                // YAML files read, including ones that failed
};

// One document, already in memory. `is_bank_yaml` selects bank.yaml's schema and model.
struct LoadedFile {
  std::optional<Section> section;
  std::optional<BankInfo> info;
  std::vector<Diagnostic> diagnostics;
};
LoadedFile load_document(const std::string& file_name, std::string content, bool is_bank_yaml, const LoadOptions& options);

// The YAML files a folder holds, sorted: bank.yaml first, then sections by path. Skips hidden
// files and qbank.yaml (the config). Throws Error if the folder cannot be listed.
std::vector<std::filesystem::path> bank_files(const std::filesystem::path& folder);

// A folder is one bank; loose files (bank.yaml among them, if given) form one bank together.
LoadedBank load_bank(const std::filesystem::path& folder, const LoadOptions& options);
LoadedBank load_files(const std::vector<std::filesystem::path>& files, const LoadOptions& options);

// Each PATH argument: folders become banks of their own, the files together one more bank.
// Throws Error for a path that does not exist or a folder without YAML files.
std::vector<LoadedBank> load_paths(const std::vector<std::filesystem::path>& paths, const LoadOptions& options);

}  // namespace qbank::bank
