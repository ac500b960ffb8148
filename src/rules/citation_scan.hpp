// The patterns behind citation-artifact, separate from the rule so tests can probe them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qbank::rules {

// The artifact in `text`, printable (private-use characters shown as \uXXXX), or nullopt:
// a run of private-use characters U+E000-U+F8FF with what they enclose ("citeturn0search2"),
// or the marker words without them ("citeturn0search2", "turn3news12").
std::optional<std::string> find_citation_artifact(std::string_view text);

// Where the next artifact at or after `from` is, in bytes.
struct CitationSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
};
std::optional<CitationSpan> find_citation_span(std::string_view text, std::size_t from);

// Removes every artifact (and the one space before it) from `text`, for `qbank lint --fix`.
// The markers never carry YAML syntax, so removing them from a file's raw bytes is safe in any
// scalar style. Returns how many were removed.
std::size_t remove_citation_artifacts(std::string& text);

}  // namespace qbank::rules
