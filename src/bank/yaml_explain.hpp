// The YAML mistakes question authors make, in plain words. yaml-cpp says "illegal map value",
// "the referenced anchor is not defined" or "unknown token"; an author needs "this value
// contains ': ', put it in quotes" and the corrected line. Each explanation looks at the line
// the parser stopped on (or, for an unclosed quote, the line the quote opened on) and knows
// one mistake; anything else keeps the parser's own words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/exceptions.h>

#include "bank/yaml_document.hpp"

namespace qbank::bank {

struct Explanation {
  int line = 0, column = 0;  // 1-based; 0: no position
  std::string message;
  std::string hint;
};

Explanation explain_yaml_error(const YAML::Exception& error, std::string_view content);

// Mistakes yaml-cpp accepts without a word, each of which loses text: a quote that is never
// closed (the value swallows the rest of the file), a value starting with '&' (read as an
// anchor name) or '!' (read as a tag). Found on the parsed tree; `content` is its source.
std::vector<Explanation> find_silent_mistakes(const YamlNode& root, std::string_view content);

}  // namespace qbank::bank
