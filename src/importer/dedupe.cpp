// --dedupe: exact repeats merged at import (the lint run would otherwise report them).
#include <map>

#include <fmt/format.h>

#include "core/text.hpp"
#include "dedup/normalize.hpp"
#include "importer/import.hpp"
#include "rules/placeholder_scan.hpp"

namespace qbank::importer {

namespace {
// A placeholder ("...", "TODO") is no answer to keep.
bool unanswered(const ImportedQuestion& q) { return text::is_blank(q.answer) || rules::find_placeholder(q.answer).has_value(); }
}  // namespace

void merge_repeats(ImportedBank& bank) {
  struct Copy { std::size_t section, index; };
  std::map<std::string, std::vector<Copy>> copies;
  std::vector<std::string> order;
  for (std::size_t s = 0; s < bank.sections.size(); ++s)
    for (std::size_t i = 0; i < bank.sections[s].questions.size(); ++i) {
      std::string key = dedup::exact_key(bank.sections[s].questions[i].question);
      if (key.empty()) continue;
      auto& list = copies[key];
      if (list.empty()) order.push_back(key);
      list.push_back({s, i});
    }
  std::vector<std::vector<bool>> drop(bank.sections.size());
  for (std::size_t s = 0; s < bank.sections.size(); ++s) drop[s].assign(bank.sections[s].questions.size(), false);
  for (const auto& key : order) {
    const auto& list = copies[key];
    if (list.size() < 2) continue;
    auto at = [&](const Copy& c) -> ImportedQuestion& { return bank.sections[c.section].questions[c.index]; };
    // The answered copy is kept; differing answers are not an exact repeat.
    const Copy* keep = nullptr;
    bool differ = false;
    for (const auto& c : list) {
      if (unanswered(at(c))) continue;
      if (!keep) keep = &c;
      else if (at(c).answer != at(*keep).answer) differ = true;
    }
    if (differ) continue;
    if (!keep) keep = &list.front();
    for (const auto& c : list) {
      if (&c == keep) continue;
      drop[c.section][c.index] = true;
      const auto& kept = at(*keep);
      bank.notes.push_back({at(c).source, fmt::format("repeats the question at {}:{}: merged (--dedupe), keeping {} copy", kept.source.file,
                                                      kept.source.line, unanswered(kept) ? "the first" : "the answered")});
    }
  }
  for (std::size_t s = 0; s < bank.sections.size(); ++s) {
    auto& questions = bank.sections[s].questions;
    std::size_t i = 0;
    std::erase_if(questions, [&](const ImportedQuestion&) { return drop[s][i++]; });
  }
  std::erase_if(bank.sections, [&](const ImportedSection& section) {
    if (!section.questions.empty()) return false;
    bank.notes.push_back({section.source, fmt::format("section '{}' has no questions left after --dedupe: no file for it", section.name)});
    return true;
  });
}

}  // namespace qbank::importer
