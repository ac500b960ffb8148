// empty-question / empty-answer: a card with nothing on one side teaches nothing. The schema
// accepts any string, so "" and whitespace-only text need their own rules. A missing or null
// field is the schema's finding, not ours, so each problem is reported once.
#include <fmt/format.h>

#include "core/text.hpp"
#include "rules/checks.hpp"
#include "rules/text_fields.hpp"

namespace qbank::rules {

namespace {

enum class Side { question, answer };

void check_blank(const bank::Bank& bank, RuleContext& context, Side side) {
  for (const auto& section : bank.sections)
    for (std::size_t i = 0; i < section.questions.size(); ++i) {
      const auto& q = section.questions[i];
      bool present = side == Side::question ? q.has_question : q.has_answer;
      const std::string& value = side == Side::question ? q.question : q.answer;
      if (!present || !text::is_blank(value)) continue;
      std::string name = question_name(q, i);
      if (side == Side::question)
        context.report(q.question_at, fmt::format("{} has an empty question", name), "write the question");
      else
        context.report(q.answer_at, fmt::format("{} has an empty answer", name),
                       "write the answer, or leave the question out until it has one");
    }
}

}  // namespace

void check_empty_question(const bank::Bank& bank, RuleContext& context) { check_blank(bank, context, Side::question); }

void check_empty_answer(const bank::Bank& bank, RuleContext& context) { check_blank(bank, context, Side::answer); }

}  // namespace qbank::rules
