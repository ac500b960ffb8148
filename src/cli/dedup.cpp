// qbank dedup [PATH...] [--threshold X] [--against REF_PATH]: duplicate and near-duplicate
// questions, repeated sections and duplicate resource URLs. The same findings as the dedup
// rules inside `qbank lint`, plus a json report with `pairs` and `sections`.
#include <iterator>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bank/loader.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/error.hpp"
#include "core/json_dump.hpp"
#include "core/parallel.hpp"
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

// Report entries (pairs, diagnostics) from which building them on two threads pays.
constexpr std::size_t k_parallel_entries = 500;

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

    std::string format = chosen_format(options->output);
    bool json = format == "json";  // the pairs and sections of the json report are built only for it
    bool exact_on = lint::rule_enabled(config, dedup::k_duplicate_question);
    bool near_on = lint::rule_enabled(config, dedup::k_near_duplicate);
    std::vector<Diagnostic> diagnostics;
    std::vector<nlohmann::ordered_json> pairs, sections;
    output::Progress finding("qbank: finding duplicates", progress_enabled(options->output));
    settings.progress = [&finding](std::size_t done, std::size_t total) { finding.update(done, total); };
    for (const auto& loaded : banks) {
      diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
      const bank::Bank* ref = reference.empty() ? nullptr : &reference.front().bank;
      dedup::Findings findings = dedup::find_duplicates(loaded.bank, settings, ref);
      std::vector<const dedup::Pair*> shown;
      for (const auto& pair : findings.pairs)
        if (pair.exact ? exact_on : near_on) shown.push_back(&pair);
      // Thousands of pairs in a large bank: their messages and json are built on both cores.
      std::vector<Diagnostic> pair_diagnostics(shown.size());
      std::vector<nlohmann::ordered_json> pair_json(json ? shown.size() : 0);
      parallel_chunks(
          shown.size(),
          [&](std::size_t begin, std::size_t end, unsigned) {
            for (std::size_t k = begin; k < end; ++k) {
              pair_diagnostics[k] = dedup::pair_diagnostic(findings, *shown[k]);
              if (json) pair_json[k] = dedup::pair_to_json(findings, *shown[k]);
            }
          },
          k_parallel_entries);
      std::move(pair_diagnostics.begin(), pair_diagnostics.end(), std::back_inserter(diagnostics));
      std::move(pair_json.begin(), pair_json.end(), std::back_inserter(pairs));
      for (const auto& run : findings.runs) {  // none are formed when repeated-section is off
        diagnostics.push_back(dedup::run_diagnostic(findings, run));
        if (json) sections.push_back(dedup::run_to_json(findings, run));
      }
      for (auto& d : dedup::duplicate_resources(loaded.bank)) diagnostics.push_back(std::move(d));
    }
    finding.finish();
    lint::finish_diagnostics(diagnostics, config);

    if (json) {
      std::vector<nlohmann::ordered_json> entries(diagnostics.size());
      parallel_chunks(
          diagnostics.size(),
          [&](std::size_t begin, std::size_t end, unsigned) {
            for (std::size_t k = begin; k < end; ++k) entries[k] = output::diagnostic_to_json(diagnostics[k]);
          },
          k_parallel_entries);
      nlohmann::ordered_json report_summary = {{"files", summary.files},
                                               {"questions", summary.questions},
                                               {"threshold", settings.threshold},
                                               {"min_run", settings.min_run}};
      // Written member by member, as dump_json(root, 2) would: the long arrays are dumped on two threads.
      std::string pairs_text = dump_json_member_array(pairs), sections_text = dump_json_member_array(sections),
                  diagnostics_text = dump_json_member_array(entries);
      write_output(
          [&](std::ostream& out) {
            out << "{\n  \"pairs\": " << pairs_text << ",\n  \"sections\": " << sections_text << ",\n  \"diagnostics\": "
                << diagnostics_text << ",\n  \"summary\": " << dump_json_nested(report_summary, 1) << "\n}\n";
          },
          options->output.output);
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
