#include "lint/suppress.hpp"

#include <map>
#include <string>

#include <fmt/format.h>

#include "config/suggest.hpp"
#include "rules/rule.hpp"

namespace qbank::lint {

namespace {

struct Span {
  int first = 0, last = 0;
  const std::vector<bank::Suppression>* rules = nullptr;
};

}  // namespace

void apply_suppressions(const bank::Bank& bank, std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::vector<Span>, std::less<>> spans;  // by file
  std::vector<Diagnostic> invalid;
  std::vector<std::string> known;
  for (const auto& rule : rules::all_rules()) known.emplace_back(rule.id);
  for (const auto& section : bank.sections)
    for (const auto& q : section.questions) {
      if (q.suppressions.empty()) continue;
      spans[section.file].push_back({q.first_line, q.last_line, &q.suppressions});
      for (const auto& s : q.suppressions) {
        if (rules::find_rule(s.rule)) continue;
        Diagnostic d;
        d.where = s.where;
        d.rule = "invalid-suppression";
        d.message = fmt::format("'# qbank: disable=' names '{}', which is not a rule id; it silences nothing", s.rule);
        if (auto close = config::closest_match(s.rule, known)) d.hint = fmt::format("did you mean '{}'?", *close);
        else d.hint = "`qbank rules` lists the ids";
        invalid.push_back(std::move(d));
      }
    }
  if (spans.empty()) return;
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    auto it = spans.find(d.where.file);
    if (it == spans.end()) return false;
    for (const auto& span : it->second) {
      if (d.where.line < span.first || d.where.line > span.last) continue;
      for (const auto& s : *span.rules)
        if (s.rule == d.rule) return true;
    }
    return false;
  });
  for (auto& d : invalid) diagnostics.push_back(std::move(d));
}

}  // namespace qbank::lint
