// Options every bank-reading command shares (PATH..., --config, --format, --output, --color,
// --no-progress) and the helpers behind them, so each command file is only its own logic.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "config/config.hpp"
#include "output/render.hpp"
#include "output/terminal.hpp"

namespace qbank::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string config_file;
  std::string max_file_size;
};

// PATH... (default questions/), --config FILE, --max-file-size SIZE.
void add_input_options(CLI::App& command, InputOptions& options);
std::vector<std::filesystem::path> input_paths(const InputOptions& options);
// qbank.yaml (found or given), with command-line overrides applied.
config::Config load_config(const InputOptions& options);

struct OutputOptions {
  std::string format = "text";
  std::string output;  // empty or "-": stdout
  std::string color = "auto";
  bool no_progress = false;
};

void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats);
bool color_for_stdout(const OutputOptions& options);
bool progress_enabled(const OutputOptions& options);

// Writes a report to stdout, or atomically to --output FILE.
void write_output(const std::string& text, const std::string& output_path);

}  // namespace qbank::cli
