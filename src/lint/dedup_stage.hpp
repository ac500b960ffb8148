// The duplicate finder as a stage of the lint pipeline. Its three question rules
// (duplicate-question, near-duplicate-question, repeated-section) come from one run of the
// finder, so lint runs it once per bank, like the loader, and it emits all three ids; each
// still has its own severity, and their options are read together.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "bank/model.hpp"
#include "config/config.hpp"
#include "core/diagnostic.hpp"
#include "dedup/finder.hpp"

namespace qbank::lint {

// threshold from rules.near-duplicate-question, min-run from rules.repeated-section (both
// validated; Error on a bad value). With repeated-section off no runs are formed, so the pairs
// of a copied block are reported one by one instead of disappearing.
dedup::Settings dedup_settings(const config::Config& config);

// The question rules' findings for one bank; nothing (and no work) when all three are off.
// `progress`: dedup::Settings::progress.
std::vector<Diagnostic> run_dedup_stage(const bank::Bank& bank, const config::Config& config,
                                        const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace qbank::lint
