// One diagnostic as a JSON object, shared by the json renderer and commands that embed
// diagnostics in a larger document (dedup pairs, link reports).
#pragma once

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"

namespace qbank::output {

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d);

}  // namespace qbank::output
