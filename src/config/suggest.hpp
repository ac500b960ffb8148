// "Did you mean …?" for unknown names (rule ids in the config, fields in the schema).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::config {

// Edit distance (insert, delete, substitute, swap) between two ASCII names.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Names longer than this get no suggestion (closest_match returns nullopt at once).
inline constexpr std::size_t k_max_suggest_length = 64;

// The candidate nearest to `name` if it is near enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace qbank::config
