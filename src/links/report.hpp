// Report: a link run as the user reads it. Problems become Diagnostics on every referencing
// line (dead-link, redirected-link, unreachable-link, blocked-link), which the shared text
// and GitHub renderers print; json and markdown are this stage's own formats.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "links/options.hpp"
#include "links/run.hpp"

namespace qbank::links {

struct Totals {
  std::size_t urls = 0, references = 0, ok = 0, redirected = 0, dead = 0, error = 0, blocked = 0, excluded = 0, cached = 0;
};
Totals totals(const std::vector<LinkResult>& results);

// The rule a verdict is reported under: dead-link, redirected-link, unreachable-link,
// blocked-link; empty for ok and excluded.
std::string_view rule_id(Verdict verdict);

// One diagnostic per reference of each dead, redirected, erroring or blocked URL, with the
// rule's default severity (the caller applies the config), unsorted.
std::vector<Diagnostic> link_diagnostics(const std::vector<LinkResult>& results);

// Does the run fail (exit 1) under this setting?
bool fails(const std::vector<LinkResult>& results, FailOn fail_on);

struct ReportScope {
  std::size_t files = 0;
  std::size_t questions = 0;
};

// "Links: 120 URLs (150 references): 110 ok, ...; 130 requests, 4 cached, 3.2 s"
std::string summary_line(const LinkRun& run);
// {"links": [...], "diagnostics": [...], "summary": {...}}: each link with the `rule` its verdict
// is reported under (null when it is fine), and `diagnostics` as `qbank lint --format json` and
// `qbank dedup --format json` have them (severities from the config, sorted).
std::string render_json(const LinkRun& run, const ReportScope& scope, const std::vector<Diagnostic>& diagnostics);
// A dead-link report to paste into an issue: dead links by file, redirects with their
// replacement, links that could not be checked, totals.
std::string render_markdown(const LinkRun& run, const ReportScope& scope);

}  // namespace qbank::links
