// Where a large document may be cut into parts that cmark-gfm parses one at a time, with the
// same result as parsing it whole. The parts are parsed on a second thread while the main
// thread recognises the ones before, and each is freed once recognised: the syntax tree (~10
// bytes per byte of Markdown) is never held whole, and a small part's stays in the cache.
//
// Why a cut before line L is safe, when L starts with an ATX heading mark ('#'...'######' and a
// space or the line's end) at column 1 and line L-1 is blank:
//  - cmark's block parsing reads a line at a time with no look-ahead past it (a setext
//    underline or a table's delimiter row comes after the line it changes, and L-1 is blank);
//    so up to L-1 both parses build the same blocks, with the same lines;
//  - L continues none of the blocks still open at L-1 except an unclosed fenced code block or
//    HTML block: a list item needs indentation, a block quote a '>', and the blank line ended
//    paragraphs, tables and HTML blocks of kinds 6 and 7; so in the whole document L starts
//    at the top level, as it does at the start of a part;
//  - a block ended by L and one ended by the end of the part get the same end line (L-1),
//    except a fenced code block (it would end on L); ends_clean() checks that every block still
//    open at the part's end (the last block, its last child, ...) is a container (list, item,
//    quote) or ended before L-1, which also catches any unclosed fence or HTML block;
//  - the only document-wide state is the link reference definitions: a reference in one part
//    may use a definition in another. A definition needs "]:" in the text, so a document that
//    has one anywhere is parsed whole.
// tests/import/parts_test.cpp checks the parts give the bank of the whole parse on every fixture.
#pragma once

#include <vector>

#include "importer/markdown_source.hpp"

namespace qbank::importer {

// False when the document must be parsed whole (it may define link references).
bool may_cut(const MarkdownText& text);

// The lines L a part may start at (ascending): an ATX heading mark at column 1 after a blank line.
std::vector<int> cut_lines(const MarkdownText& text);

// Nothing is open at the end of `part` that the line after it could continue (see above).
bool ends_clean(const MarkdownSource& part);

}  // namespace qbank::importer
