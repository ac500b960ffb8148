// The author-written text of a bank, field by field, for rules that scan prose (placeholders,
// citation artifacts): each with where it is and how to name it in a message.
#pragma once

#include <functional>
#include <string>

#include "bank/model.hpp"

namespace qbank::rules {

struct TextField {
  const std::string& text;
  const SourceLocation& where;
  std::string owner;  // "question 'pca'", "bank.yaml"
  std::string name;   // "answer", "resource title"
};

void for_each_text_field(const bank::Bank& bank, const std::function<void(const TextField&)>& visit);

}  // namespace qbank::rules
