#include "lint/lint.hpp"

#include <algorithm>
#include <future>

#include "core/diagnostic_limit.hpp"
#include "lint/dedup_stage.hpp"
#include "lint/suppress.hpp"
#include "rules/rule.hpp"

namespace qbank::lint {

bank::LoadOptions load_options(const config::Config& config) {
  bank::LoadOptions options;
  options.max_file_bytes = config.max_file_bytes;
  options.max_depth = config.max_depth;
  return options;
}

void finish_diagnostics(std::vector<Diagnostic>& diagnostics, const config::Config& config) {
  for (auto& d : diagnostics) {
    const rules::Rule* rule = rules::find_rule(d.rule);
    d.severity = config.severity_of(d.rule, rule ? rule->default_severity : Severity::error);
  }
  std::erase_if(diagnostics, [](const Diagnostic& d) { return d.severity == Severity::off; });
  // Sorted first, so the ones kept under the limit are the first in each file; the summaries
  // then sort in after them.
  sort_diagnostics(diagnostics);
  limit_diagnostics(diagnostics);
  sort_diagnostics(diagnostics);
}

namespace {

std::vector<Diagnostic> run_rules(const bank::Bank& bank, const config::Config& config) {
  std::vector<Diagnostic> diagnostics;
  for (const auto& rule : rules::all_rules()) {
    if (!rule.check || !rule_enabled(config, rule.id)) continue;
    rules::RuleContext context(rule.id, config.options_of(rule.id), diagnostics);
    rule.check(bank, context);
    context.finish();
  }
  return diagnostics;
}

}  // namespace

LintRun run_lint(const std::vector<std::filesystem::path>& paths, const config::Config& config, const LintOptions& options) {
  LintRun run;
  bank::LoadOptions load = load_options(config);
  load.progress = options.progress;
  run.banks = bank::load_paths(paths, load);
  for (auto& loaded : run.banks) {
    // The loader's diagnostics are moved, not copied: there can be many (each file is capped at
    // k_diagnostic_limit per rule, but a bank can have many files).
    std::vector<Diagnostic> found = std::move(loaded.diagnostics);
    loaded.diagnostics.clear();
    // The rules and the duplicate finder only read the bank, so they run side by side, each
    // into a list of its own (the output is sorted, so the order they finish in does not show).
    auto dedup = std::async(std::launch::async, [&] { return run_dedup_stage(loaded.bank, config, options.dedup_progress); });
    for (auto& d : run_rules(loaded.bank, config)) found.push_back(std::move(d));
    std::vector<Diagnostic> duplicates = dedup.get();
    limit_diagnostics(duplicates);
    for (auto& d : duplicates) found.push_back(std::move(d));
    apply_suppressions(loaded.bank, found);
    for (auto& d : found) run.diagnostics.push_back(std::move(d));
    run.summary.files += loaded.files;
    run.summary.questions += loaded.bank.question_count();
  }
  finish_diagnostics(run.diagnostics, config);
  return run;
}

bool rule_enabled(const config::Config& config, std::string_view rule_id) {
  const rules::Rule* rule = rules::find_rule(rule_id);
  return config.severity_of(rule_id, rule ? rule->default_severity : Severity::error) != Severity::off;
}

std::vector<std::string> known_rule_ids() {
  std::vector<std::string> ids;
  for (const auto& rule : rules::all_rules()) ids.emplace_back(rule.id);
  return ids;
}

std::vector<output::RuleInfo> rule_infos() {
  std::vector<output::RuleInfo> infos;
  for (const auto& rule : rules::all_rules())
    infos.push_back({std::string(rule.id), std::string(rule.summary), rule.default_severity, std::string(rule.doc)});
  return infos;
}

}  // namespace qbank::lint
