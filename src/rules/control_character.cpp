// control-character: a C0 control character (other than tab and newline) in any text field.
// Invisible in editors and reviews, it does damage in the outputs: 0x1F is the separator of
// an Anki note's fields (a question holding one gets five fields, the rest of its text moving
// into the answer), others garble terminals and spreadsheets. They get in through YAML escapes
// ("\x1f", "\u0007") or pasted text. The exporters drop them; this rule says where they were.
#include <fmt/format.h>

#include "core/untrusted_text.hpp"
#include "rules/checks.hpp"
#include "rules/text_fields.hpp"

namespace qbank::rules {

namespace {
void check_field(RuleContext& context, const SourceLocation& where, const std::string& owner, std::string_view field,
                 std::string_view text) {
  auto at = untrusted::find_control_character(text);
  if (!at) return;
  context.report(where,
                 fmt::format("{}: control character U+{:04X} in the {}", owner, static_cast<unsigned char>(text[*at]), field),
                 "remove it: it is invisible, and exports drop it (0x1F would split an Anki note's fields)");
}
}  // namespace

void check_control_character(const bank::Bank& bank, RuleContext& context) {
  for_each_text_field(bank, [&](const TextField& field) {
    if (untrusted::find_control_character(field.text)) check_field(context, field.where, field.owner(), field.name, field.text);
  });
  for (const auto& section : bank.sections) {
    check_field(context, section.where, fmt::format("section '{}'", untrusted::strip_control_characters(section.name)),
                "section name", section.name);
    for (std::size_t i = 0; i < section.questions.size(); ++i) {
      const auto& question = section.questions[i];
      for (const auto& tag : question.tags) check_field(context, question.where, question_name(question, i), "tags", tag);
    }
  }
}

}  // namespace qbank::rules
