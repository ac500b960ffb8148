// The walk over a parsed Markdown document that recognises its parts (title, sections,
// questions in each of the shapes documents use, answers, resource lists) and appends them to
// an ImportedBank, noting anything it could not place.
#pragma once

#include "importer/markdown_source.hpp"
#include "importer/model.hpp"

namespace qbank::importer {

// Appends what `doc` holds to `bank` (several documents go into one bank in turn). Consumes
// the document's syntax tree: each top-level block is freed once recognised.
void recognize(const MarkdownSource& doc, ImportedBank& bank);

}  // namespace qbank::importer
