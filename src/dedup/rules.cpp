// The duplicate finder's four lint rules. The three question rules share one run of the finder
// per bank (a one-entry cache keyed by a fingerprint of the bank and the settings), since lint
// calls each check separately on the same bank.
#include "dedup/rules.hpp"

#include <functional>
#include <mutex>

#include "dedup/finder.hpp"
#include "dedup/options.hpp"
#include "dedup/report.hpp"
#include "dedup/resources.hpp"

namespace qbank::dedup {

namespace {

std::size_t fingerprint(const bank::Bank& bank, const Settings& settings) {
  std::size_t h = std::hash<double>{}(settings.threshold) ^ (settings.min_run * 0x9E3779B97F4A7C15ull);
  auto mix = [&h](std::size_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  mix(reinterpret_cast<std::uintptr_t>(&bank));
  for (const auto& section : bank.sections) {
    mix(std::hash<std::string>{}(section.file));
    for (const auto& q : section.questions) {
      mix(std::hash<std::string>{}(q.question));
      mix(q.answer.size());
      mix(q.distinct_from.size());
      mix(static_cast<std::size_t>(q.where.line));
    }
  }
  return h;
}

// Findings for this bank and these settings, computed once for the rules that ask in turn.
const Findings& cached_findings(const bank::Bank& bank, const Settings& settings) {
  static std::mutex mutex;
  static std::size_t key = 0;
  static Findings findings;
  std::lock_guard lock(mutex);
  std::size_t k = fingerprint(bank, settings);
  if (k != key || findings.entries.empty()) {
    findings = find_duplicates(bank, settings);
    key = k;
  }
  return findings;
}

// Each rule reads only its own options (RuleContext has no view of the others'), so a rule
// uses the defaults for the other rule's setting.
Settings settings_for(rules::RuleContext& context) {
  std::string_view id = context.rule_id();
  validate_options(std::string(id).c_str(), context.options());
  if (id == k_near_duplicate) return settings_from(context.options(), nullptr);
  if (id == k_repeated_section) return settings_from(nullptr, context.options());
  return Settings{};
}

void report(rules::RuleContext& context, Diagnostic d) {
  context.report(d.where, std::move(d.message), std::move(d.hint), std::move(d.related));
}

void report_pairs(const bank::Bank& bank, rules::RuleContext& context, bool exact) {
  const Findings& findings = cached_findings(bank, settings_for(context));
  for (const auto& pair : findings.pairs)
    if (pair.exact == exact) report(context, pair_diagnostic(findings, pair));
}

}  // namespace

void check_duplicate_question(const bank::Bank& bank, rules::RuleContext& context) { report_pairs(bank, context, true); }

void check_near_duplicate_question(const bank::Bank& bank, rules::RuleContext& context) { report_pairs(bank, context, false); }

void check_repeated_section(const bank::Bank& bank, rules::RuleContext& context) {
  const Findings& findings = cached_findings(bank, settings_for(context));
  for (const auto& run : findings.runs) report(context, run_diagnostic(findings, run));
}

void check_duplicate_resource(const bank::Bank& bank, rules::RuleContext& context) {
  validate_options(k_duplicate_resource, context.options());
  for (auto& d : duplicate_resources(bank)) report(context, std::move(d));
}

}  // namespace qbank::dedup
