// The duplicate finder's options as the config gives them: rules.near-duplicate-question
// {threshold} and rules.repeated-section {min-run}. Mistakes are tool errors (exit 2).
#pragma once

#include <nlohmann/json.hpp>

#include "dedup/finder.hpp"

namespace qbank::dedup {

// Reads `threshold` (0-1) from near-duplicate-question's options and `min-run` (an integer
// >= 2) from repeated-section's; either may be null. Throws Error naming the rule and key for
// an unknown key (with a did-you-mean) or a bad value.
Settings settings_from(const nlohmann::json& near_options, const nlohmann::json& run_options);

// Validates one rule's options (unknown keys, values); used by each check in `qbank lint`.
void validate_options(const char* rule_id, const nlohmann::json& options);

// Checks a --threshold value; throws Error if it is not within 0-1.
double checked_threshold(double value, const std::string& what);

}  // namespace qbank::dedup
