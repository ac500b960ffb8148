// Labels at the start of a piece of the author's Markdown, removed at source level so the rest
// stays the author's Markdown: "**Answer:**", "Answer:", "A:", "**Q:**", "Q: ..."; and the
// HTML marks a document carries for tools, not readers: anchors and markdownlint directives.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qbank::importer {

// Removes an answer label ("Answer:", "**Answer:**", "**Answer**:", "A:", "Ans:") from the
// start of `markdown`; true if there was one.
bool strip_answer_label(std::string& markdown);
// The same for a question label ("Q:", "**Q:**", "Question:", "**Q: text**").
bool strip_question_label(std::string& markdown);

// "**text**" or "__text__" at the start of `markdown`: the text inside goes to `inside`, what
// follows the closing delimiter to `after`. False when `markdown` does not start with bold.
bool split_leading_bold(std::string_view markdown, std::string& inside, std::string& after);

// The id of a block that is only an empty anchor, `<a id="x"></a>` or `<a name="x"></a>`
// (qbank's export puts one before each question), as written; nullopt for anything else.
std::optional<std::string> anchor_id(std::string_view block);

// An HTML comment that is a markdownlint directive: `<!-- markdownlint-disable MD026 -->`.
bool is_markdownlint_directive(std::string_view block);

// Each line with trailing white space (hard-break spaces) removed; the whole trimmed.
std::string tidy(std::string_view markdown);

}  // namespace qbank::importer
