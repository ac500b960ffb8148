#include "bank_builder.hpp"

#include "bank/loader.hpp"
#include "support/process.hpp"

namespace qbank::test {

void add_section(bank::Bank& bank, const std::string& file, const std::vector<Q>& questions) {
  bank::Section section;
  section.file = file;
  section.name = file;
  int line = 3;
  for (const auto& q : questions) {
    bank::Question question;
    question.id = q.id;
    question.question = q.question;
    question.answer = q.answer;
    question.distinct_from = q.distinct_from;
    question.has_question = question.has_answer = true;
    question.where = {file, line, 5};
    question.id_at = {file, line, 9};
    question.question_at = {file, line + 1, 15};
    question.answer_at = {file, line + 2, 13};
    question.last_line = line + 4;
    question.section_index = bank.sections.size();
    section.questions.push_back(std::move(question));
    line += 5;
  }
  bank.sections.push_back(std::move(section));
}

bank::Bank real_bank() {
  auto loaded = bank::load_bank(source_dir() / "questions", {});
  return std::move(loaded.bank);
}

}  // namespace qbank::test
