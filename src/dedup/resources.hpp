// duplicate-resource: the same URL (after normalize_url) twice in one question's resources or
// in bank.yaml's. The same link under two different questions is fine: both may cite it.
#pragma once

#include <vector>

#include "bank/model.hpp"
#include "core/diagnostic.hpp"

namespace qbank::dedup {

std::vector<Diagnostic> duplicate_resources(const bank::Bank& bank);

}  // namespace qbank::dedup
