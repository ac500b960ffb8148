// What a section file says outside its YAML values, read from the source text once the model
// is built: inline suppression comments and text that a ` #` turned into a comment.
//
// A `# qbank: disable=ID[,ID...]` comment belongs to the question whose lines it is on; on a
// line of its own it belongs to the question that starts right after it (comments and blank
// lines between are fine), like `# yamllint disable-line` and `# noqa`.
#pragma once

#include <string_view>
#include <vector>

#include "bank/model.hpp"
#include "bank/yaml_document.hpp"

namespace qbank::bank {

// Fills first_line and suppressions of every question (last_line must be set).
void read_suppressions(Section& section, std::string_view content);

// The byte offset where each line starts, for find_cut_text.
std::vector<std::size_t> line_starts(std::string_view content);

// Adds a CutText to `question` when the plain scalar `value` (its `field`) ends where a
// comment starts on the same line: "question: What does # mean?" reads as "What does".
void find_cut_text(Question& question, const char* field, const YamlNode& value, std::string_view content,
                   const std::vector<std::size_t>& starts, const std::string& file);

}  // namespace qbank::bank
