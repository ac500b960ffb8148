#include "rules/markdown_fields.hpp"

#include "rules/text_fields.hpp"

namespace qbank::rules {

SourceLocation MarkdownField::at_line(int line) const {
  if (text.find('\n') == std::string::npos || line < 1) return where;
  return {where.file, where.line + line, where.column};
}

std::string MarkdownField::owner() const { return question_name(question, position); }

void for_each_markdown_field(const bank::Bank& bank, const std::function<void(const MarkdownField&)>& visit) {
  for (const auto& section : bank.sections)
    for (std::size_t i = 0; i < section.questions.size(); ++i) {
      const auto& q = section.questions[i];
      visit({section, q, i, "question", q.question, q.question_at});
      visit({section, q, i, "answer", q.answer, q.answer_at});
    }
}

}  // namespace qbank::rules
