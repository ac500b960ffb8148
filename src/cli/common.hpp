// Options every bank-reading command shares (PATH..., --config, --format, --output, --color,
// --no-progress, --quiet, --max-warnings/--strict) and the helpers behind them, so each
// command file is only its own logic.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "config/config.hpp"
#include "lint/lint.hpp"
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
  bool quiet = false;
  std::vector<std::string> formats;    // the command's choices
  const CLI::Option* format_option{};  // to know whether --format was given
};

// -f/--format (one of `formats`), -o/--output, --color, --no-progress, -q/--quiet.
void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats);
// --format as given; without it `github` when GITHUB_ACTIONS=true (and the command has it),
// as yamllint's `auto` does, so a workflow step gets annotations with no flag; else text.
std::string chosen_format(const OutputOptions& options);
bool color_for_stdout(const OutputOptions& options);
bool progress_enabled(const OutputOptions& options);
// lint::run_lint with its progress on stderr when `progress` (loading, then the duplicate search:
// seconds each on a large bank), as `qbank lint` and `qbank export` show it.
lint::LintRun run_lint_with_progress(const std::vector<std::filesystem::path>& paths, const config::Config& config, bool progress);

// --max-warnings N and --strict (= --max-warnings 0): warnings that fail the run.
struct FailOptions {
  int max_warnings = -1;  // -1: no limit
  bool strict = false;
};
void add_fail_options(CLI::App& command, FailOptions& options);
// 1 for any error, or for more warnings than allowed (said on stderr unless quiet); else 0.
int exit_code(const std::vector<Diagnostic>& diagnostics, const FailOptions& options, bool quiet);

// Writes a report to stdout, or atomically to --output FILE.
void write_output(const std::string& text, const std::string& output_path);
// The same for a report written piece by piece: `write` streams it to stdout or into the temp
// file that becomes --output FILE, so the report is never one string in memory.
void write_output(const std::function<void(std::ostream&)>& write, const std::string& output_path);

}  // namespace qbank::cli
