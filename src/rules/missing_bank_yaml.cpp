// missing-bank-yaml: a bank folder without bank.yaml. Its deck name then comes from the
// folder's name, and every Anki note GUID derives from the deck name: renaming or moving the
// folder would turn every card into a new one and orphan the review history. Loose files
// (pre-commit passes those) are not a bank folder and are not reported.
#include <fmt/format.h>

#include "rules/checks.hpp"

namespace qbank::rules {

void check_missing_bank_yaml(const bank::Bank& bank, RuleContext& context) {
  if (bank.root.empty() || !bank.info.file.empty() || bank.sections.empty()) return;
  std::string folder = bank.root.string();
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  context.report({bank.sections.front().file, 1, 1},
                 fmt::format("bank folder '{}' has no bank.yaml: its deck name (and so every Anki note's identity) comes from "
                             "the folder's name '{}'",
                             folder, bank.deck_name()),
                 fmt::format("add {}/bank.yaml with 'title' and 'deck'", folder));
}

}  // namespace qbank::rules
