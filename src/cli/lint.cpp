// qbank lint [PATH...]: schema validation plus every rule, for CI on content pull requests.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "lint/fix.hpp"
#include "lint/lint.hpp"

namespace qbank::cli {

Runner configure_lint(CLI::App& command) {
  struct Options {
    InputOptions input;
    OutputOptions output;
    bool fix = false;
  };
  auto options = std::make_shared<Options>();
  add_input_options(command, options->input);
  add_output_options(command, options->output, {"text", "json", "github", "sarif"});
  command.add_flag("--fix", options->fix,
                   "Fix what is safe to fix in the files themselves (citation-artifact), then report the rest");
  command.footer(
      "Formats: text (file:line:col: severity: message [rule]), json ({diagnostics, summary}),\n"
      "github (workflow annotations on the pull request), sarif (SARIF 2.1.0 for code scanning).\n"
      "Rules and their severities: qbank rules; set them in qbank.yaml.");

  return [options]() {
    config::Config config = load_config(options->input);
    output::Progress progress("qbank: loading", progress_enabled(options->output));
    lint::LintOptions lint_options;
    lint_options.progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
    lint::LintRun run = lint::run_lint(input_paths(options->input), config, lint_options);
    progress.finish();
    if (options->fix) {
      lint::FixReport fixed = lint::apply_fixes(run.diagnostics);
      if (fixed.fixes > 0) {
        fmt::print(stderr, "qbank: fixed {} finding{} in {} file{}\n", fixed.fixes, fixed.fixes == 1 ? "" : "s", fixed.files,
                   fixed.files == 1 ? "" : "s");
        run = lint::run_lint(input_paths(options->input), config, lint_options);  // report what is left
      }
    }

    output::RenderContext context;
    context.color = color_for_stdout(options->output);
    context.rules = lint::rule_infos();
    context.summary = run.summary;
    auto format = *output::parse_format(options->output.format);
    write_output(output::render(format, run.diagnostics, context), options->output.output);
    return has_errors(run.diagnostics) ? 1 : 0;
  };
}

}  // namespace qbank::cli
