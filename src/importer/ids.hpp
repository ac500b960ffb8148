// Question ids for an imported bank: kebab-case from the question's text, short (a question
// stem such as "what is" and articles dropped, at most 6 words), the same for the same text on
// every import, unique in the bank (a "-2", "-3" suffix only on collisions, in document order).
#pragma once

#include <string>
#include <string_view>

#include "importer/model.hpp"

namespace qbank::importer {

// The id a question's text gives, before collisions: "What is the bias-variance tradeoff?" ->
// "bias-variance-tradeoff". Empty when the text has no letters or digits.
std::string id_from_text(std::string_view markdown);

// Gives every question without an id one, and makes every id unique; notes the ids a document
// gave that had to change.
void assign_ids(ImportedBank& bank);

}  // namespace qbank::importer
