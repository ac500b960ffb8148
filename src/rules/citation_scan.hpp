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

}  // namespace qbank::rules
