// Turns the finder's result into diagnostics (one per pair, one per repeated run) and into the
// `pairs` / `sections` JSON of `qbank dedup --format json`. Used by rules.cpp and cli/dedup.cpp.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "dedup/finder.hpp"

namespace qbank::dedup {

inline constexpr const char* k_duplicate_question = "duplicate-question";
inline constexpr const char* k_near_duplicate = "near-duplicate-question";
inline constexpr const char* k_repeated_section = "repeated-section";
inline constexpr const char* k_duplicate_resource = "duplicate-resource";

// The pair's diagnostic (duplicate-question or near-duplicate-question), at question b.
Diagnostic pair_diagnostic(const Findings& findings, const Pair& pair);
// The run's one repeated-section diagnostic, at the run's first question of side b.
Diagnostic run_diagnostic(const Findings& findings, const Run& run);

nlohmann::ordered_json pair_to_json(const Findings& findings, const Pair& pair);
nlohmann::ordered_json run_to_json(const Findings& findings, const Run& run);

}  // namespace qbank::dedup
