// The check functions of the rules in rules/, one .cpp each; registry.cpp lists them.
#pragma once

#include "bank/model.hpp"
#include "rules/rule_context.hpp"

namespace qbank::rules {

void check_duplicate_id(const bank::Bank& bank, RuleContext& context);
void check_empty_question(const bank::Bank& bank, RuleContext& context);
void check_empty_answer(const bank::Bank& bank, RuleContext& context);
void check_placeholder_text(const bank::Bank& bank, RuleContext& context);
void check_citation_artifact(const bank::Bank& bank, RuleContext& context);
void check_resource_title_mismatch(const bank::Bank& bank, RuleContext& context);
void check_markdown_limit(const bank::Bank& bank, RuleContext& context);
void check_control_character(const bank::Bank& bank, RuleContext& context);
void check_anki_syntax(const bank::Bank& bank, RuleContext& context);
void check_raw_html(const bank::Bank& bank, RuleContext& context);
void check_unsafe_link(const bank::Bank& bank, RuleContext& context);
void check_heading_in_answer(const bank::Bank& bank, RuleContext& context);
void check_missing_image(const bank::Bank& bank, RuleContext& context);
void check_missing_bank_yaml(const bank::Bank& bank, RuleContext& context);
void check_truncated_by_comment(const bank::Bank& bank, RuleContext& context);

}  // namespace qbank::rules
