#include "cli/common.hpp"

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "lint/lint.hpp"

namespace qbank::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("paths", options.paths, "Bank folders or YAML files (default: questions/)")->type_name("PATH...");
  command.add_option("-c,--config", options.config_file, "Config file (default: the nearest qbank.yaml from the bank folder up to the repository root)")
      ->type_name("FILE");
  command.add_option("--max-file-size", options.max_file_size, "Skip and report YAML files larger than this (default 16MiB)")
      ->type_name("SIZE");
}

std::vector<std::filesystem::path> input_paths(const InputOptions& options) {
  std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
  if (paths.empty()) paths.emplace_back("questions");
  return paths;
}

config::Config load_config(const InputOptions& options) {
  std::optional<std::filesystem::path> file;
  if (!options.config_file.empty()) file = options.config_file;
  config::Config config = config::load_config(file, input_paths(options), lint::known_rule_ids());
  if (!options.max_file_size.empty()) {
    auto bytes = config::parse_byte_size(options.max_file_size);
    if (!bytes) throw Error(fmt::format("--max-file-size: '{}' is not a size such as 16MiB", options.max_file_size));
    config.max_file_bytes = *bytes;
  }
  return config;
}

void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats) {
  command.add_option("-f,--format", options.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->default_str(options.format);
  command.add_option("-o,--output", options.output, "Write the report to FILE instead of stdout")->type_name("FILE");
  command.add_option("--color", options.color, "Colour: auto (on a TTY, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str(options.color);
  command.add_flag("--no-progress", options.no_progress, "No progress line on stderr (shown only on a TTY anyway)");
}

bool color_for_stdout(const OutputOptions& options) {
  if (!options.output.empty() && options.output != "-") return false;
  return output::use_color(output::parse_color_choice(options.color), stdout);
}

bool progress_enabled(const OutputOptions& options) { return !options.no_progress; }

void write_output(const std::string& text, const std::string& output_path) {
  if (output_path.empty() || output_path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return;
  }
  write_file_atomically(output_path, text);
}

}  // namespace qbank::cli
