// A cap on how many diagnostics one file and one rule can produce, as compilers'
// -ferror-limit: the first k_diagnostic_limit are kept and the rest become one summary
// diagnostic ("and 746,900 more like this"). A hostile or broken file of 249k empty items
// would otherwise give millions of diagnostics, gigabytes of memory and a report nobody reads.
// The loader, the rule runner and the lint pipeline all apply it, as early as they can.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace qbank {

inline constexpr std::size_t k_diagnostic_limit = 100;

// Keeps at most `limit` diagnostics per (file, rule), in their order, and appends one summary
// per group that had more, at the last dropped one's place (so that it sorts after the kept
// ones). A summary already in the list is merged into its group's, so applying this again,
// to a list that grew, keeps the totals right.
void limit_diagnostics(std::vector<Diagnostic>& diagnostics, std::size_t limit = k_diagnostic_limit);

// The same cap for a producer that reports one at a time: offer() says whether to keep the
// diagnostic (and counts it when not); finish() appends the summaries to `out`.
class DiagnosticLimiter {
 public:
  explicit DiagnosticLimiter(std::size_t limit = k_diagnostic_limit) : m_limit(limit) {}
  // Whether a diagnostic of `rule` at `where` is still within the limit; counts it either way.
  bool offer(const SourceLocation& where, const std::string& rule);
  void finish(std::vector<Diagnostic>& out);

 private:
  struct Group {
    std::size_t kept = 0;
    std::size_t folded = 0;
    SourceLocation last_folded;  // where the summary goes: it sorts after what it summarises
  };
  std::size_t m_limit;
  std::map<std::pair<std::string, std::string>, Group> m_groups;  // (file, rule); ordered: stable output
};

// The summary's message: "and 746,900 more like this".
std::string more_like_this(std::size_t count);
// How many diagnostics `d` stands for if it is such a summary (its message is that sentence
// and its hint the summary's; no rule words a finding so), else 0.
std::size_t folded_count(const Diagnostic& d);

}  // namespace qbank
