// `qbank lint --fix`: the fixes that are safe to make in the author's files without asking
// again. Today that is one: removing chat-assistant citation markers (citation-artifact), which
// never carry YAML syntax. Files are rewritten atomically, keeping their permissions.
#pragma once

#include <cstddef>
#include <vector>

#include "core/diagnostic.hpp"

namespace qbank::lint {

struct FixReport {
  std::size_t files = 0;
  std::size_t fixes = 0;
};

// Applies the fixes for the fixable findings among `diagnostics` to their files.
FixReport apply_fixes(const std::vector<Diagnostic>& diagnostics);

}  // namespace qbank::lint
