#include "core/diagnostic_limit.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace qbank {

namespace {

constexpr const char* k_summary_hint = "qbank reports at most {} per file and rule; fix the ones above and run it again";

Diagnostic summary(const SourceLocation& where, const std::string& rule, Severity severity, std::size_t folded, std::size_t limit) {
  Diagnostic d;
  d.where = where;
  d.rule = rule;
  d.severity = severity;
  d.message = more_like_this(folded);
  d.hint = fmt::format(fmt::runtime(k_summary_hint), limit);
  return d;
}

}  // namespace

std::string more_like_this(std::size_t count) { return fmt::format("and {} more like this", text::with_thousands(count)); }

std::size_t folded_count(const Diagnostic& d) {
  std::string_view message = d.message;
  if (!message.starts_with("and ") || !message.ends_with(" more like this") || !d.hint.starts_with("qbank reports at most "))
    return 0;
  std::size_t count = 0;
  for (char c : message.substr(4, message.size() - 4 - 15)) {
    if (c == ',') continue;
    if (c < '0' || c > '9') return 0;
    count = count * 10 + static_cast<std::size_t>(c - '0');
  }
  return count;
}

bool DiagnosticLimiter::offer(const SourceLocation& where, const std::string& rule) {
  Group& group = m_groups[{where.file, rule}];
  if (group.kept < m_limit) {
    ++group.kept;
    return true;
  }
  if (group.folded++ == 0 || group.last_folded < where) group.last_folded = where;
  return false;
}

void DiagnosticLimiter::finish(std::vector<Diagnostic>& out) {
  for (const auto& [key, group] : m_groups)
    if (group.folded > 0) out.push_back(summary(group.last_folded, key.second, Severity::error, group.folded, m_limit));
  m_groups.clear();
}

void limit_diagnostics(std::vector<Diagnostic>& diagnostics, std::size_t limit) {
  struct Group {
    std::size_t kept = 0, folded = 0;
    SourceLocation last_folded;
    Severity severity = Severity::error;
    bool has_location = false;
  };
  std::map<std::pair<std::string, std::string>, Group> groups;
  std::size_t write = 0;
  for (std::size_t read = 0; read < diagnostics.size(); ++read) {
    Diagnostic& d = diagnostics[read];
    Group& group = groups[{d.where.file, d.rule}];
    std::size_t folded = folded_count(d);
    bool keep = folded == 0 && group.kept < limit;
    if (keep) {
      ++group.kept;
      if (write != read) diagnostics[write] = std::move(d);
      ++write;
      continue;
    }
    // Dropped: either an earlier summary (its count carries over) or one over the limit.
    group.folded += folded > 0 ? folded : 1;
    group.severity = d.severity;
    if (!group.has_location || group.last_folded < d.where) group.last_folded = d.where;
    group.has_location = true;
  }
  diagnostics.resize(write);
  for (const auto& [key, group] : groups)
    if (group.folded > 0) diagnostics.push_back(summary(group.last_folded, key.second, group.severity, group.folded, limit));
}

}  // namespace qbank
