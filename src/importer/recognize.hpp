// The walk over a parsed Markdown document that recognises its parts (title, sections,
// questions in each of the shapes documents use, answers, resource lists) and appends them to
// an ImportedBank, noting anything it could not place.
#pragma once

#include <cstddef>
#include <memory>

#include "importer/markdown_source.hpp"
#include "importer/model.hpp"

namespace qbank::importer {

// Appends what `doc` holds to `bank` (several documents go into one bank in turn). Consumes
// the document's syntax tree: each top-level block is freed once recognised.
void recognize(const MarkdownSource& doc, ImportedBank& bank);

// The same for a document's text, which is parsed in parts of about `part_bytes` on a second
// thread while the main thread recognises the parts before (see document_parts.hpp): the same
// result as parsing it whole, in a fraction of the time and memory. Small parts are much
// faster than large ones: a part's tree (~10 bytes per byte of Markdown) then stays in the
// cache from its parse to its walk and its free. On the 100k benchmark document (CPU seconds
// of parse + walk + free): whole 3.2 + 2.2 + 0.6, 1 MiB parts 5.2 + 3.3 + 1.4, 16 KiB parts
// 1.3 + 1.7 + 0.3; 4-8 KiB parts are no faster.
inline constexpr std::size_t k_part_bytes = std::size_t{16} << 10;
void recognize(const std::shared_ptr<const MarkdownText>& text, ImportedBank& bank, std::size_t part_bytes = k_part_bytes);

}  // namespace qbank::importer
