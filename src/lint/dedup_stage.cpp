#include "lint/dedup_stage.hpp"

#include <limits>

#include "dedup/options.hpp"
#include "dedup/report.hpp"
#include "lint/lint.hpp"

namespace qbank::lint {

dedup::Settings dedup_settings(const config::Config& config) {
  dedup::validate_options(dedup::k_duplicate_question, config.options_of(dedup::k_duplicate_question));
  dedup::Settings settings =
      dedup::settings_from(config.options_of(dedup::k_near_duplicate), config.options_of(dedup::k_repeated_section));
  if (!rule_enabled(config, dedup::k_repeated_section)) settings.min_run = std::numeric_limits<std::size_t>::max();
  return settings;
}

std::vector<Diagnostic> run_dedup_stage(const bank::Bank& bank, const config::Config& config,
                                        const std::function<void(std::size_t, std::size_t)>& progress) {
  bool exact_on = rule_enabled(config, dedup::k_duplicate_question);
  bool near_on = rule_enabled(config, dedup::k_near_duplicate);
  bool runs_on = rule_enabled(config, dedup::k_repeated_section);
  std::vector<Diagnostic> diagnostics;
  if (!exact_on && !near_on && !runs_on) return diagnostics;
  dedup::Settings settings = dedup_settings(config);
  settings.progress = progress;
  dedup::Findings findings = dedup::find_duplicates(bank, settings);
  for (const auto& pair : findings.pairs)
    if (pair.exact ? exact_on : near_on) diagnostics.push_back(dedup::pair_diagnostic(findings, pair));
  for (const auto& run : findings.runs) diagnostics.push_back(dedup::run_diagnostic(findings, run));
  return diagnostics;
}

}  // namespace qbank::lint
