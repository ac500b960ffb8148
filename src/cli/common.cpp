#include "cli/common.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "cli/usage.hpp"
#include "core/error.hpp"
#include "lint/lint.hpp"

namespace qbank::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("paths", options.paths, "Bank folders or YAML files (default: questions/)")->type_name("PATH");
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
  options.formats = formats;
  options.format_option = choices(command.add_option("-f,--format", options.format, "Output format (default: text; github when GITHUB_ACTIONS=true)"), formats);
  command.add_option("-o,--output", options.output, "Write the report to FILE instead of stdout")->type_name("FILE");
  choices(command.add_option("--color", options.color,
                             "Colour: auto (on a TTY or with FORCE_COLOR, never with NO_COLOR), always, never"),
          {"auto", "always", "never"});
  command.add_flag("--no-progress", options.no_progress, "No progress line on stderr (shown only on a TTY anyway)");
  command.add_flag("-q,--quiet", options.quiet, "Print the findings only: no summary line, no progress");
}

std::string chosen_format(const OutputOptions& options) {
  if (options.format_option && options.format_option->count() > 0) return options.format;
  const char* actions = std::getenv("GITHUB_ACTIONS");
  bool has_github = std::find(options.formats.begin(), options.formats.end(), "github") != options.formats.end();
  if (has_github && actions && std::string_view(actions) == "true") return "github";
  return options.format;
}

bool color_for_stdout(const OutputOptions& options) {
  if (!options.output.empty() && options.output != "-") return false;
  return output::use_color(output::parse_color_choice(options.color), stdout);
}

bool progress_enabled(const OutputOptions& options) { return !options.no_progress && !options.quiet; }

lint::LintRun run_lint_with_progress(const std::vector<std::filesystem::path>& paths, const config::Config& config, bool progress) {
  output::Progress loading("qbank: loading", progress);
  output::Progress finding("qbank: finding duplicates", progress);
  lint::LintOptions options;
  options.progress = [&loading](std::size_t done, std::size_t total) { loading.update(done, total); };
  options.dedup_progress = [&finding](std::size_t done, std::size_t total) { finding.update(done, total); };
  lint::LintRun run = lint::run_lint(paths, config, options);
  finding.finish();
  loading.finish();
  return run;
}

void add_fail_options(CLI::App& command, FailOptions& options) {
  command.add_option("--max-warnings", options.max_warnings, "Exit 1 when there are more than N warnings (as errors do)")
      ->type_name("N")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
            return digits ? std::string() : fmt::format("'{}' is not a whole number of warnings (0 or more)", value);
          },
          ""));
  command.add_flag("--strict", options.strict, "Exit 1 on any warning (--max-warnings 0)");
}

int exit_code(const std::vector<Diagnostic>& diagnostics, const FailOptions& options, bool quiet) {
  if (has_errors(diagnostics)) return 1;
  int limit = options.strict ? 0 : options.max_warnings;
  if (limit < 0) return 0;
  std::size_t warnings = output::count(diagnostics).warnings;
  if (warnings <= static_cast<std::size_t>(limit)) return 0;
  if (!quiet)
    fmt::print(stderr, "qbank: {} warning{}, more than {} allows\n", warnings, warnings == 1 ? "" : "s",
               options.strict ? "--strict" : fmt::format("--max-warnings {}", limit));
  return 1;
}

namespace {

// A report that did not reach stdout (a full disk behind `> report.txt`) is a failure, exit 2,
// not a silent exit 0 with half a report.
void check_stdout() {
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout)
    throw Error(fmt::format("cannot write the report to stdout: {}", std::strerror(errno)));
}

}  // namespace

void write_output(const std::string& text, const std::string& output_path) {
  if (output_path.empty() || output_path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    check_stdout();
    return;
  }
  write_file_atomically(output_path, text);
}

void write_output(const std::function<void(std::ostream&)>& write, const std::string& output_path) {
  if (output_path.empty() || output_path == "-") {
    write(std::cout);  // synchronised with stdio (the default), so it interleaves with fwrite
    std::cout.flush();
    check_stdout();
    return;
  }
  write_file_atomically(output_path, write);
}

}  // namespace qbank::cli
