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
  const bank::Question* question;  // null for bank.yaml's own fields
  std::size_t position;            // the question's 0-based place in its section
  const char* name;                // "answer", "resource title"

  // How a message names the field's owner: "question 'pca'", "question #3", "bank.yaml".
  // Made only for a finding: formatting it for every field would cost more than the scans.
  std::string owner() const;
};

// How a rule's message names a question: "question 'pca'", or "question #3" (its 1-based place
// in its section) when it has no id.
std::string question_name(const bank::Question& question, std::size_t position);

void for_each_text_field(const bank::Bank& bank, const std::function<void(const TextField&)>& visit);

}  // namespace qbank::rules
