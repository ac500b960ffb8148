#include "rules/text_fields.hpp"

#include <fmt/format.h>

namespace qbank::rules {

namespace {

void visit_resources(const std::vector<bank::Resource>& resources, const std::string& owner,
                     const std::function<void(const TextField&)>& visit) {
  for (const auto& r : resources) {
    visit({r.url, r.where, owner, "resource URL"});
    visit({r.title, r.where, owner, "resource title"});
    visit({r.description, r.where, owner, "resource description"});
  }
}

}  // namespace

void for_each_text_field(const bank::Bank& bank, const std::function<void(const TextField&)>& visit) {
  if (!bank.info.file.empty()) {
    SourceLocation top{bank.info.file, 1, 1};
    visit({bank.info.title, top, "bank.yaml", "title"});
    visit({bank.info.description, top, "bank.yaml", "description"});
    visit_resources(bank.info.resources, "bank.yaml", visit);
  }
  for (const auto& section : bank.sections)
    for (std::size_t i = 0; i < section.questions.size(); ++i) {
      const auto& q = section.questions[i];
      std::string owner = q.id.empty() ? fmt::format("question #{}", i + 1) : fmt::format("question '{}'", q.id);
      visit({q.question, q.question_at, owner, "question"});
      visit({q.answer, q.answer_at, owner, "answer"});
      visit_resources(q.resources, owner, visit);
    }
}

}  // namespace qbank::rules
