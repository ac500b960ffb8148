// The Markdown fields that reach a card (each question's question and answer), with a way to
// place a finding on the line of the field where it is, for the content rules that scan
// Markdown (raw-html, unsafe-link, heading-in-answer, missing-image).
#pragma once

#include <functional>
#include <string>

#include "bank/model.hpp"

namespace qbank::rules {

struct MarkdownField {
  const bank::Section& section;
  const bank::Question& question;
  std::size_t position;  // the question's 0-based place in its section
  const char* name;      // "question" or "answer"
  const std::string& text;
  const SourceLocation& where;

  // The file position of the field's `line` (1-based): in a block scalar (`answer: |`), whose
  // text keeps its newlines, line N is N lines below the indicator; otherwise the field's start.
  SourceLocation at_line(int line) const;
  std::string owner() const;  // "question 'pca'"
};

void for_each_markdown_field(const bank::Bank& bank, const std::function<void(const MarkdownField&)>& visit);

}  // namespace qbank::rules
