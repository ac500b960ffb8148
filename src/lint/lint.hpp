// The lint pipeline shared by `qbank lint`, `qbank export` (which refuses a bank with lint
// errors) and anything else that needs "load, run the rules, apply the config": load every
// PATH, run each registered rule that is not switched off, give every finding its configured
// severity, drop what is off, sort.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "bank/loader.hpp"
#include "config/config.hpp"
#include "output/render.hpp"

namespace qbank::lint {

struct LintOptions {
  std::function<void(std::size_t done, std::size_t total)> progress;        // files loaded
  std::function<void(std::size_t done, std::size_t total)> dedup_progress;  // dedup::Settings::progress
};

struct LintRun {
  std::vector<bank::LoadedBank> banks;
  std::vector<Diagnostic> diagnostics;  // severities applied, `off` removed, sorted
  output::Summary summary;
};

LintRun run_lint(const std::vector<std::filesystem::path>& paths, const config::Config& config, const LintOptions& options = {});

// The loader's limits as the config sets them.
bank::LoadOptions load_options(const config::Config& config);

// Gives each diagnostic its configured severity (or its rule's default), removes `off` ones
// and sorts. For stages that produce diagnostics outside run_lint (dedup, links).
void finish_diagnostics(std::vector<Diagnostic>& diagnostics, const config::Config& config);

// Whether the config leaves `rule_id` on (at its own or the rule's default severity).
bool rule_enabled(const config::Config& config, std::string_view rule_id);

std::vector<std::string> known_rule_ids();
std::vector<output::RuleInfo> rule_infos();

}  // namespace qbank::lint
