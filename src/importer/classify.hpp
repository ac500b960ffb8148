// Words and marks the importer reads in headings and paragraphs: difficulty markers
// ("(basic)", "[advanced]", emoji such as 👶 ⭐️ 🚀), question numbering ("12.", "Q:"), labels
// ("Answer:", "Resources:"), resource and contents headings. Pure functions of text, so the
// recogniser stays a walk over the AST and these rules are tested on their own.
#pragma once

#include <string>
#include <string_view>

namespace qbank::importer {

// Removes difficulty markers at either end of `text` (bracketed words, emoji) and returns the
// difficulty they name (basic | intermediate | advanced), or "" when there is none.
std::string take_difficulty_marker(std::string& text);

// The difficulty a section heading names by its first word ("Basic ...", "Advanced ..."), or "".
std::string heading_word_difficulty(std::string_view name);

// Leading decoration (emoji, symbols, "📌 ") and surrounding space removed.
std::string strip_decoration(std::string_view text);

// Removes a question number or label at the start: "12. ", "12) ", "Q12. ", "Q: ", "Question 3: ".
// Returns whether there was one.
bool take_question_prefix(std::string& text);

// Ends with a question mark (after markers), or starts with a question label.
bool looks_like_question(std::string_view text);

// "Answer:", "A:", "Ans:" (case-insensitive) at the start of `text`; `rest` gets what follows.
bool is_answer_label(std::string_view text, std::string& rest);
// "Q:", "Question:" at the start; `rest` gets what follows.
bool is_question_label(std::string_view text, std::string& rest);

// A heading (or bold label) that introduces links: "Resources", "Further reading",
// "References", "Support GitHub Repositories", "Useful links"...
bool is_resources_title(std::string_view text);
// "Contents", "Table of contents", "TOC".
bool is_contents_title(std::string_view text);
// The resource kind a group label names ("GitHub Repositories:" -> repository), or "".
std::string kind_of_group(std::string_view label);

// kebab-case as the schema wants ids: [a-z0-9]+ joined by single hyphens.
bool is_kebab(std::string_view text);

std::string lower_ascii(std::string_view text);

}  // namespace qbank::importer
