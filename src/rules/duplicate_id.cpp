// duplicate-id: an id names one question across the whole bank (Anki GUIDs derive from it),
// so a second question with the same id would overwrite the first in every export.
#include <unordered_map>

#include <fmt/format.h>

#include "rules/checks.hpp"

namespace qbank::rules {

void check_duplicate_id(const bank::Bank& bank, RuleContext& context) {
  std::unordered_map<std::string_view, const bank::Question*> first_by_id;
  for (const auto& section : bank.sections)
    for (const auto& question : section.questions) {
      if (question.id.empty()) continue;  // the schema reports a missing id
      auto [it, inserted] = first_by_id.emplace(question.id, &question);
      if (inserted) continue;
      const bank::Question& first = *it->second;
      context.report(question.id_at, fmt::format("duplicate id '{}' (first used at {}:{})", question.id,
                                                 first.id_at.file, first.id_at.line),
                     "give each question its own id; if this is the same question, remove one of them",
                     {{first.id_at, fmt::format("'{}' first used here", question.id)}});
    }
}

}  // namespace qbank::rules
