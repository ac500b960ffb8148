// qbank lint [PATH...]: schema validation plus every rule, for CI on content pull requests.
// `-` lints stdin (editors, pre-commit on unsaved buffers), named by --stdin-filename.
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/stdin_file.hpp"
#include "core/error.hpp"
#include "lint/fix.hpp"
#include "lint/lint.hpp"

namespace qbank::cli {

namespace {

struct LintCli {
  InputOptions input;
  OutputOptions output;
  FailOptions fail;
  std::string stdin_filename;
  bool fix = false;
};

bool reads_stdin(const LintCli& cli) {
  for (const auto& path : cli.input.paths)
    if (path == "-") {
      if (cli.input.paths.size() > 1) throw Error("'-' (stdin) must be the only PATH");
      if (cli.fix) throw Error("--fix cannot rewrite stdin; lint the file itself");
      return true;
    }
  if (!cli.stdin_filename.empty()) throw Error("--stdin-filename needs '-' as the PATH");
  return false;
}

}  // namespace

Runner configure_lint(CLI::App& command) {
  auto cli = std::make_shared<LintCli>();
  add_input_options(command, cli->input);
  add_output_options(command, cli->output, {"text", "json", "github", "sarif"});
  add_fail_options(command, cli->fail);
  command.add_flag("--fix", cli->fix,
                   "Fix what is safe to fix in the files themselves (citation-artifact), then report the rest");
  command.add_option("--stdin-filename", cli->stdin_filename,
                     "With PATH '-': the name stdin is reported under and its qbank.yaml looked up for")
      ->type_name("NAME");
  command.footer(
      "PATH '-' reads one YAML file from stdin. Formats: text (file:line:col: severity: message\n"
      "[rule]), json ({diagnostics, summary}), github (workflow annotations on the pull request),\n"
      "sarif (SARIF 2.1.0 for code scanning). Rules and their severities: qbank rules; set them\n"
      "in qbank.yaml.");

  return [cli]() {
    std::optional<StdinFile> stdin_file;
    std::vector<std::filesystem::path> paths = input_paths(cli->input);
    config::Config config;
    if (reads_stdin(*cli)) {
      // The config belongs to where the file would be: --stdin-filename's folder, else here.
      InputOptions lookup = cli->input;
      std::filesystem::path named = cli->stdin_filename.empty() ? "." : std::filesystem::path(cli->stdin_filename).parent_path();
      lookup.paths = {std::filesystem::is_directory(named) ? named.string() : std::string(".")};
      config = load_config(lookup);
      stdin_file.emplace(cli->stdin_filename.empty() ? "<stdin>" : cli->stdin_filename, config.max_file_bytes);
      paths = {stdin_file->path()};
    } else {
      config = load_config(cli->input);
    }

    lint::LintRun run = run_lint_with_progress(paths, config, progress_enabled(cli->output));
    if (cli->fix) {
      lint::FixReport fixed = lint::apply_fixes(run.diagnostics);
      if (fixed.fixes > 0) {
        if (!cli->output.quiet)
          fmt::print(stderr, "qbank: fixed {} finding{} in {} file{}\n", fixed.fixes, fixed.fixes == 1 ? "" : "s", fixed.files,
                     fixed.files == 1 ? "" : "s");
        run = run_lint_with_progress(paths, config, progress_enabled(cli->output));  // report what is left
      }
    }
    if (stdin_file) stdin_file->rename_in(run.diagnostics);

    output::RenderContext context;
    context.color = color_for_stdout(cli->output);
    context.quiet = cli->output.quiet;
    context.rules = lint::rule_infos();
    context.summary = run.summary;
    context.source_root = output::find_source_root(std::filesystem::current_path());
    auto format = *output::parse_format(chosen_format(cli->output));
    write_output([&](std::ostream& out) { output::render(format, run.diagnostics, context, out); }, cli->output.output);
    return exit_code(run.diagnostics, cli->fail, cli->output.quiet);
  };
}

}  // namespace qbank::cli
