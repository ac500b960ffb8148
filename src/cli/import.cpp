// qbank import markdown DOC.md... -o BANK_DIR: bring Markdown question documents in as a new
// bank folder, then lint it and point every finding back at the Markdown.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/usage.hpp"
#include "core/error.hpp"
#include "importer/import.hpp"
#include "importer/report.hpp"

namespace qbank::cli {

Runner configure_import(CLI::App& command) {
  struct Options {
    std::string from;
    std::vector<std::string> documents;
    std::string output;
    std::string format = "text";
    std::string config_file;
    std::string max_file_size;
    importer::ImportOptions import;
  };
  auto options = std::make_shared<Options>();
  choices(command.add_option("from", options->from, "What to import from: Markdown documents")->required(), {"markdown", "md"});
  command.add_option("documents", options->documents, "Markdown documents, imported into one bank in this order")
      ->required()
      ->type_name("DOC.md");
  command.add_option("-o,--output", options->output, "The bank folder to create")->required()->type_name("BANK_DIR");
  command.add_flag("--force", options->import.force, "Replace BANK_DIR if it exists");
  command.add_flag("--dedupe", options->import.dedupe,
                   "Merge questions the document repeats word for word, keeping the answered copy (lint reports them otherwise)");
  command.add_option("--title", options->import.title, "The bank's title (default: the first level-1 heading)");
  command.add_option("--deck", options->import.deck, "The Anki deck name (default: the title)");
  choices(command.add_option("-f,--format", options->format, "Report format (default: text)"), {"text", "json"});
  command.add_option("-c,--config", options->config_file,
                     "Config file for the lint run (default: the nearest qbank.yaml from BANK_DIR up to the repository root)")
      ->type_name("FILE");
  command.add_option("--max-file-size", options->max_file_size, "Refuse documents larger than this (default 16MiB)")->type_name("SIZE");
  command.footer(
      "Recognises sections (## headings, with difficulty markers such as (basic) or emoji), questions as\n"
      "numbered or bulleted list items, headings, bold lines, Q:/A: pairs and <details> blocks, answers\n"
      "as the Markdown that follows, and resource lists; qbank's own Markdown export comes back with its\n"
      "ids. Writes one YAML file per section and bank.yaml, then runs lint and shows each finding's\n"
      "source line in the Markdown. Exit status: lint's 0 or 1, or 2 when a document cannot be imported.\n"
      "See README: Coming from Markdown.");

  return [options]() {
    InputOptions input;
    input.paths = {options->output};
    input.config_file = options->config_file;
    input.max_file_size = options->max_file_size;
    config::Config config = load_config(input);
    options->import.output = options->output;
    options->import.documents.assign(options->documents.begin(), options->documents.end());
    importer::ImportResult result = importer::run_import(options->import, config);
    std::string report = options->format == "json" ? importer::render_report_json(result, options->import)
                                                   : importer::render_report_text(result, options->import);
    write_output(report, "-");
    return has_errors(result.lint.diagnostics) ? 1 : 0;
  };
}

}  // namespace qbank::cli
