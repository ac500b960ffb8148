// Inline suppression: `# qbank: disable=placeholder-text` on a question (its lines, or a line
// of its own right above it) silences that rule for that question, like yamllint's
// `# yamllint disable-line` and ruff's `# noqa`. The loader finds the comments
// (bank/source_notes.hpp); this drops the findings they cover and reports ids that do not
// exist as invalid-suppression, since they silence nothing.
#pragma once

#include <vector>

#include "bank/model.hpp"
#include "core/diagnostic.hpp"

namespace qbank::lint {

void apply_suppressions(const bank::Bank& bank, std::vector<Diagnostic>& diagnostics);

}  // namespace qbank::lint
