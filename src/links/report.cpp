#include "links/report.hpp"

#include <fmt/format.h>

namespace qbank::links {

Totals totals(const std::vector<LinkResult>& results) {
  Totals t;
  for (const auto& result : results) {
    ++t.urls;
    t.references += result.link.references.size();
    if (result.outcome.cached) ++t.cached;
    switch (result.outcome.verdict) {
      case Verdict::ok: ++t.ok; break;
      case Verdict::redirected: ++t.redirected; break;
      case Verdict::dead: ++t.dead; break;
      case Verdict::error: ++t.error; break;
      case Verdict::blocked: ++t.blocked; break;
      case Verdict::excluded: ++t.excluded; break;
    }
  }
  return t;
}

std::string_view rule_id(Verdict verdict) {
  switch (verdict) {
    case Verdict::dead: return "dead-link";
    case Verdict::redirected: return "redirected-link";
    case Verdict::error: return "unreachable-link";
    case Verdict::blocked: return "blocked-link";
    default: return "";
  }
}

std::vector<Diagnostic> link_diagnostics(const std::vector<LinkResult>& results) {
  std::vector<Diagnostic> diagnostics;
  for (const auto& result : results) {
    const Outcome& o = result.outcome;
    Diagnostic d;
    d.rule = std::string(rule_id(o.verdict));
    switch (o.verdict) {
      case Verdict::dead:
        d.message = fmt::format("dead link {} ({})", result.link.url, o.detail);
        d.hint = "remove the link or replace it with a working copy (e.g. the Wayback Machine)";
        break;
      case Verdict::redirected:
        d.severity = Severity::warning;
        d.message = fmt::format("{} moved permanently to {}", result.link.url, o.final_url);
        d.hint = fmt::format("replace it with {}", o.final_url);
        break;
      case Verdict::error:
        d.severity = Severity::warning;
        d.message = fmt::format("could not check {}: {}", result.link.url, o.detail);
        break;
      case Verdict::blocked:
        d.severity = Severity::warning;
        d.message = fmt::format("not checked {}: {}", result.link.url, o.detail);
        break;
      default:
        continue;
    }
    for (const auto& where : result.link.references) {
      d.where = where;
      diagnostics.push_back(d);
    }
  }
  return diagnostics;
}

bool fails(const std::vector<LinkResult>& results, FailOn fail_on) {
  if (fail_on == FailOn::never) return false;
  for (const auto& result : results) {
    if (result.outcome.verdict == Verdict::dead) return true;
    if (fail_on == FailOn::error && result.outcome.verdict == Verdict::error) return true;
  }
  return false;
}

std::string summary_line(const LinkRun& run) {
  Totals t = totals(run.results);
  return fmt::format(
      "Links: {} URLs ({} references): {} ok, {} redirected, {} dead, {} error, {} blocked, {} excluded; "
      "{} requests, {} cached, {:.1f} s\n",
      t.urls, t.references, t.ok, t.redirected, t.dead, t.error, t.blocked, t.excluded, run.requests, t.cached,
      static_cast<double>(run.elapsed_ms) / 1000.0);
}

}  // namespace qbank::links
