// The duplicate finder's four lint rules. Lint calls each check separately on the same bank,
// so the three question rules share one run of the finder: its diagnostics are kept in a
// one-entry cache keyed by a fingerprint of everything they depend on (files, lines, ids,
// texts, distinct-from, settings). The cache holds values, never pointers into a bank, so a
// later bank with the same fingerprint (the same content) gets the same, correct, findings.
#include "dedup/rules.hpp"

#include <functional>
#include <mutex>
#include <optional>

#include "dedup/finder.hpp"
#include "dedup/options.hpp"
#include "dedup/report.hpp"
#include "dedup/resources.hpp"

namespace qbank::dedup {

namespace {

std::size_t fingerprint(const bank::Bank& bank, const Settings& settings) {
  std::size_t h = std::hash<double>{}(settings.threshold) ^ (settings.min_run * 0x9E3779B97F4A7C15ull);
  auto mix = [&h](std::size_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  auto text = [&mix](const std::string& s) { mix(std::hash<std::string>{}(s)); };
  for (const auto& section : bank.sections) {
    text(section.file);
    mix(section.questions.size());
    for (const auto& q : section.questions) {
      text(q.id);
      text(q.question);
      text(q.answer);
      mix(q.distinct_from.size());
      for (const auto& id : q.distinct_from) text(id);
      mix(static_cast<std::size_t>(q.where.line) << 20 | static_cast<std::size_t>(q.where.column));
      mix(static_cast<std::size_t>(q.question_at.line) << 20 | static_cast<std::size_t>(q.question_at.column));
      mix(static_cast<std::size_t>(q.last_line));
    }
  }
  return h;
}

struct Reports {
  std::vector<Diagnostic> exact, near, runs;
};

// The question rules' diagnostics for this bank and these settings, computed once for the
// rules that ask in turn.
Reports cached_reports(const bank::Bank& bank, const Settings& settings) {
  static std::mutex mutex;
  static std::optional<std::size_t> key;
  static Reports reports;
  std::lock_guard lock(mutex);
  std::size_t k = fingerprint(bank, settings);
  if (key != k) {
    Findings findings = find_duplicates(bank, settings);
    reports = {};
    for (const auto& pair : findings.pairs) (pair.exact ? reports.exact : reports.near).push_back(pair_diagnostic(findings, pair));
    for (const auto& run : findings.runs) reports.runs.push_back(run_diagnostic(findings, run));
    key = k;
  }
  return reports;  // a copy: another thread may refill the cache
}

// Each rule reads only its own options (RuleContext has no view of the others'), so a rule
// uses the default for the other rule's setting.
Settings settings_for(rules::RuleContext& context) {
  std::string id(context.rule_id());
  if (id == k_near_duplicate) return settings_from(context.options(), nullptr);
  if (id == k_repeated_section) return settings_from(nullptr, context.options());
  validate_options(id.c_str(), context.options());
  return Settings{};
}

void report_all(rules::RuleContext& context, std::vector<Diagnostic> diagnostics) {
  for (auto& d : diagnostics) context.report(d.where, std::move(d.message), std::move(d.hint), std::move(d.related));
}

}  // namespace

void check_duplicate_question(const bank::Bank& bank, rules::RuleContext& context) {
  report_all(context, cached_reports(bank, settings_for(context)).exact);
}

void check_near_duplicate_question(const bank::Bank& bank, rules::RuleContext& context) {
  report_all(context, cached_reports(bank, settings_for(context)).near);
}

void check_repeated_section(const bank::Bank& bank, rules::RuleContext& context) {
  report_all(context, cached_reports(bank, settings_for(context)).runs);
}

void check_duplicate_resource(const bank::Bank& bank, rules::RuleContext& context) {
  validate_options(k_duplicate_resource, context.options());
  for (auto& d : duplicate_resources(bank)) context.report(d.where, std::move(d.message), std::move(d.hint), std::move(d.related));
}

}  // namespace qbank::dedup
