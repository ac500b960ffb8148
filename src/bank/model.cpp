#include "bank/model.hpp"

namespace qbank::bank {

std::size_t Bank::question_count() const {
  std::size_t count = 0;
  for (const auto& section : sections) count += section.questions.size();
  return count;
}

std::string Bank::deck_name() const {
  if (!info.deck.empty()) return info.deck;
  if (!info.title.empty()) return info.title;
  if (!root.empty()) {
    auto name = root.filename().string();
    if (name.empty()) name = root.parent_path().filename().string();
    if (!name.empty()) return name;
  }
  return "qbank";
}

}  // namespace qbank::bank
