// qbank.yaml: one config for every command. Rule severities and options, input limits, and a
// section per stage (dedup, links, export) that the stage itself reads. Mistakes in the config
// are tool errors (exit 2) with a position and a did-you-mean, never silently ignored.
//
//   rules:
//     placeholder-text: warning              # off | warning | error
//     near-duplicate-question: {severity: error, threshold: 0.85}
//   limits: {max-file-size: 16MiB, max-depth: 64}
//   links: {concurrency: 32, exclude: ['^https://example\.com/']}
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"

namespace qbank::config {

struct Config {
  std::filesystem::path file;  // empty: built-in defaults
  std::map<std::string, Severity, std::less<>> severities;         // rules.<id> overrides
  std::map<std::string, nlohmann::json, std::less<>> rule_options;  // rules.<id> mapping, less 'severity'
  std::uintmax_t max_file_bytes = 16u << 20;
  int max_depth = 64;
  std::map<std::string, nlohmann::json, std::less<>> stages;  // dedup, links, export: raw mappings (checked)
  std::map<std::string, SourceLocation, std::less<>> key_locations;  // "links.cache" -> where its value is
  // Given with --config: the CI job named it, so it may hold security-relevant settings
  // (links.allow-private). A qbank.yaml found beside the bank may come from a pull request.
  bool named_on_command_line = false;

  Severity severity_of(std::string_view rule_id, Severity default_severity) const;
  // rules.<id> options (a JSON object, possibly empty).
  const nlohmann::json& options_of(std::string_view rule_id) const;
  // The `dedup` / `links` / `export` section (a JSON object, possibly empty).
  const nlohmann::json& stage(std::string_view name) const;
};

// Parses config text. Throws Error ("qbank.yaml:3:3: unknown rule 'placeholder-txt' (did you
// mean 'placeholder-text'?)") for unknown rules, sections, severities or malformed values.
Config parse_config(std::string_view yaml_text, const std::string& file_name, const std::vector<std::string>& known_rule_ids);

// --config FILE if given (must exist), else the nearest qbank.yaml from the first PATH's folder
// (resolved to an absolute path first, so `.`, `./` and `../x` find the same file) up to the
// repository root (the folder holding `.git`), as ruff and yamllint look theirs up. A found file
// may not switch off the link checker's protections (links.allow-private), and a cache path in
// any config file must resolve inside the repository: both are errors naming the line.
Config load_config(const std::optional<std::filesystem::path>& explicit_file, const std::vector<std::filesystem::path>& paths,
                   const std::vector<std::string>& known_rule_ids);

// The folder holding `.git` at or above `folder` (absolute), or `folder` itself when none does.
std::filesystem::path repository_root(const std::filesystem::path& folder);

// "16MiB", "512 KB", "1000" -> bytes; nullopt when malformed.
std::optional<std::uintmax_t> parse_byte_size(std::string_view text);

}  // namespace qbank::config
