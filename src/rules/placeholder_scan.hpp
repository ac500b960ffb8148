// The text patterns behind placeholder-text, separate from the rule so tests can probe them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qbank::rules {

// The placeholder found in `text` (as written there), or nullopt. Whole-text stubs ("...",
// "TBD", "?"), marker words in capitals (TODO, TBD, FIXME) and stub phrases ("to be
// continued", "coming soon", "lorem ipsum", "(continuation of ...").
std::optional<std::string> find_placeholder(std::string_view text);

}  // namespace qbank::rules
