// YAML tree -> nlohmann::json, for schema validation with valijson (whose yaml-cpp adapter
// does not compile on Debian 12). The parser keeps duplicate mapping keys silently and shares
// aliased nodes (so an alias bomb is cheap to load but explodes when walked): the conversion
// reports the first and stops at a node budget and a depth limit instead of exploding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bank/yaml_document.hpp"
#include "core/diagnostic.hpp"

namespace qbank::bank {

struct ConversionLimits {
  int max_depth = 64;             // nesting of mappings and sequences
  std::size_t max_nodes = 1'000'000;
};

struct Conversion {
  nlohmann::json value;
  std::vector<Diagnostic> diagnostics;  // duplicate-key, input-limit
  bool complete = true;                 // false when a limit stopped the walk
};

// Plain scalars are typed by the YAML 1.2 core schema (`true`, `12`, `null` are not strings);
// quoted and block scalars are strings. Of duplicate keys the first is kept, as yaml-cpp's
// lookup does, so the model and the schema see the same value.
Conversion yaml_to_json(const YamlNode& root, const std::string& file, const ConversionLimits& limits);

// The same walk, limits and diagnostics as yaml_to_json, but no value is built (it stays
// null): the loader checks a whole file this way, and the schema validator converts it in
// parts, so a file of a million small items never exists as a million JSON objects at once.
Conversion check_yaml(const YamlNode& root, const std::string& file, const ConversionLimits& limits);

// Parts of a tree check_yaml has passed (no limits, no diagnostics): the whole value with the
// root mapping's value under the key `left_out` (if not empty) as an empty array, and items
// [begin, end) of the sequence `list` as an array.
nlohmann::json yaml_to_json_without(const YamlNode& root, std::string_view left_out);
nlohmann::json yaml_items_to_json(const YamlNode& list, std::size_t begin, std::size_t end);

// yaml-cpp marks are 0-based; this is the one place they become 1-based SourceLocations.
SourceLocation location_of(const YamlNode& node, const std::string& file);
SourceLocation location_of(const YAML::Mark& mark, const std::string& file);

// Follows a valijson context path ("<root>", "[questions]", "[3]", "[answer]") as far as the
// tree allows; returns the deepest node reached.
YamlNode node_at_path(const YamlNode& root, const std::vector<std::string>& context);


}  // namespace qbank::bank
