// qbank dedup [PATH...] [--threshold X] [--against REF_PATH]: duplicate and near-duplicate
// questions, repeated sections and duplicate resource URLs. The same findings as the dedup
// rules inside `qbank lint`, plus a json report with `pairs` and `sections`.
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bank/loader.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/error.hpp"
#include "core/json_dump.hpp"
#include "dedup/finder.hpp"
#include "dedup/options.hpp"
#include "dedup/report.hpp"
#include "dedup/resources.hpp"
#include "lint/dedup_stage.hpp"
#include "lint/lint.hpp"
#include "output/json_diagnostic.hpp"

namespace qbank::cli {

namespace {

struct DedupOptions {
  InputOptions input;
  OutputOptions output;
  FailOptions fail;
  std::optional<double> threshold;
  std::string against;
  bool load_only = false;
};

// qbank.yaml's `dedup:` section has no keys of its own: the options belong to the rules.
void check_stage_config(const config::Config& config) {
  for (const auto& [key, value] : config.stage("dedup").items())
    throw Error(fmt::format("{}: dedup: unknown key '{}' (set threshold under rules.near-duplicate-question and min-run "
                            "under rules.repeated-section)",
                            config.file.string(), key));
}

}  // namespace

Runner configure_dedup(CLI::App& command) {
  auto options = std::make_shared<DedupOptions>();
  add_input_options(command, options->input);
  add_output_options(command, options->output, {"text", "json", "github"});
  add_fail_options(command, options->fail);
  command.add_option("--threshold", options->threshold,
                     "Near-duplicate score a pair needs, 0-1 (default: rules.near-duplicate-question.threshold, else 0.7)")
      ->type_name("X");
  command.add_option("--against", options->against,
                     "Compare with the bank at REF_PATH (e.g. main's) and report only pairs with new or changed questions")
      ->type_name("REF_PATH");
  // For the benchmark: the same load (files, schema, options) and nothing else, so the time of
  // `dedup` can be compared with loading alone.
  command.add_flag("--load-only", options->load_only, "Load the bank and stop (benchmarks)")->group("");
  command.footer(
      "Rules: duplicate-question, near-duplicate-question, repeated-section, duplicate-resource\n"
      "(severities and options in qbank.yaml, as for qbank lint). json: {pairs, sections, diagnostics, summary};\n"
      "github: workflow annotations.");

  return [options]() {
    config::Config config = load_config(options->input);
    check_stage_config(config);
    dedup::Settings settings = lint::dedup_settings(config);
    if (options->threshold) settings.threshold = dedup::checked_threshold(*options->threshold, "--threshold");

    output::Progress progress("qbank: loading", progress_enabled(options->output));
    bank::LoadOptions load = lint::load_options(config);
    load.progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
    std::vector<bank::LoadedBank> banks = bank::load_paths(input_paths(options->input), load);
    std::vector<bank::LoadedBank> reference;
    if (!options->against.empty()) reference = bank::load_paths({options->against}, load);
    progress.finish();

    output::Summary summary;
    for (const auto& loaded : banks) {
      summary.files += loaded.files;
      summary.questions += loaded.bank.question_count();
    }
    if (options->load_only) {
      write_output(fmt::format("loaded {} files ({} questions)\n", summary.files, summary.questions), options->output.output);
      return 0;
    }

    bool exact_on = lint::rule_enabled(config, dedup::k_duplicate_question);
    bool near_on = lint::rule_enabled(config, dedup::k_near_duplicate);
    std::vector<Diagnostic> diagnostics;
    nlohmann::ordered_json pairs = nlohmann::ordered_json::array(), sections = nlohmann::ordered_json::array();
    for (const auto& loaded : banks) {
      diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
      const bank::Bank* ref = reference.empty() ? nullptr : &reference.front().bank;
      dedup::Findings findings = dedup::find_duplicates(loaded.bank, settings, ref);
      for (const auto& pair : findings.pairs) {
        if (!(pair.exact ? exact_on : near_on)) continue;
        diagnostics.push_back(dedup::pair_diagnostic(findings, pair));
        pairs.push_back(dedup::pair_to_json(findings, pair));
      }
      for (const auto& run : findings.runs) {  // none are formed when repeated-section is off
        diagnostics.push_back(dedup::run_diagnostic(findings, run));
        sections.push_back(dedup::run_to_json(findings, run));
      }
      for (auto& d : dedup::duplicate_resources(loaded.bank)) diagnostics.push_back(std::move(d));
    }
    lint::finish_diagnostics(diagnostics, config);

    std::string format = chosen_format(options->output);
    if (format == "json") {
      nlohmann::ordered_json root;
      root["pairs"] = std::move(pairs);
      root["sections"] = std::move(sections);
      root["diagnostics"] = nlohmann::ordered_json::array();
      for (const auto& d : diagnostics) root["diagnostics"].push_back(output::diagnostic_to_json(d));
      root["summary"] = {{"files", summary.files}, {"questions", summary.questions}, {"threshold", settings.threshold},
                         {"min_run", settings.min_run}};
      write_output(dump_json(root, 2) + "\n", options->output.output);
    } else {
      output::RenderContext context;
      context.color = color_for_stdout(options->output);
      context.quiet = options->output.quiet;
      context.summary = summary;
      auto chosen = *output::parse_format(format);
      write_output([&](std::ostream& out) { output::render(chosen, diagnostics, context, out); }, options->output.output);
    }
    return exit_code(diagnostics, options->fail, options->output.quiet);
  };
}

}  // namespace qbank::cli
