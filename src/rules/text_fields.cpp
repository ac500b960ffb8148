#include "rules/text_fields.hpp"

#include <fmt/format.h>

namespace qbank::rules {

namespace {

void visit_resources(const std::vector<bank::Resource>& resources, const bank::Question* question, std::size_t position,
                     const std::function<void(const TextField&)>& visit) {
  for (const auto& r : resources) {
    visit({r.url, r.where, question, position, "resource URL"});
    visit({r.title, r.where, question, position, "resource title"});
    visit({r.description, r.where, question, position, "resource description"});
  }
}

}  // namespace

std::string question_name(const bank::Question& question, std::size_t position) {
  return question.id.empty() ? fmt::format("question #{}", position + 1) : fmt::format("question '{}'", question.id);
}

std::string TextField::owner() const { return question == nullptr ? "bank.yaml" : question_name(*question, position); }

void for_each_text_field(const bank::Bank& bank, const std::function<void(const TextField&)>& visit) {
  if (!bank.info.file.empty()) {
    SourceLocation top{bank.info.file, 1, 1};
    visit({bank.info.title, top, nullptr, 0, "title"});
    visit({bank.info.description, top, nullptr, 0, "description"});
    visit_resources(bank.info.resources, nullptr, 0, visit);
  }
  for (const auto& section : bank.sections)
    for (std::size_t i = 0; i < section.questions.size(); ++i) {
      const auto& q = section.questions[i];
      visit({q.question, q.question_at, &q, i, "question"});
      visit({q.answer, q.answer_at, &q, i, "answer"});
      visit_resources(q.resources, &q, i, visit);
    }
}

}  // namespace qbank::rules
