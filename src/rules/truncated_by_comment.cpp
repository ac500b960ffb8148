// truncated-by-comment: ` #` in an unquoted question or answer starts a YAML comment, so
// `question: What does # mean in Python?` is read as "What does" and exported so, without a
// word. The loader notes each plain scalar that a comment follows on its line with a single
// space before the '#' (two spaces is how a comment is meant, as yamllint expects).
#include <fmt/format.h>

#include "rules/checks.hpp"
#include "rules/text_fields.hpp"

namespace qbank::rules {

void check_truncated_by_comment(const bank::Bank& bank, RuleContext& context) {
  for (const auto& section : bank.sections)
    for (std::size_t i = 0; i < section.questions.size(); ++i)
      for (const auto& cut : section.questions[i].cut_texts)
        context.report(cut.where,
                       fmt::format("{}: the {} stops before '{}': an unquoted ' #' starts a YAML comment",
                                   question_name(section.questions[i], i), cut.field, cut.comment),
                       fmt::format("quote the text: {}", cut.corrected));
}

}  // namespace qbank::rules
