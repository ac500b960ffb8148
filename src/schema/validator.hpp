// Schema validation of one loaded file: valijson over the nlohmann::json conversion, every
// violation reported (not just the first), each mapped back to the YAML node's line and column
// and phrased for a content author ("question 'pca': missing required field 'answer'").
#pragma once

#include <string>
#include <vector>

#include "bank/yaml_document.hpp"
#include "core/diagnostic.hpp"

namespace qbank::schema {

enum class DocumentKind { bank, section };

// Validates the YAML tree, which bank::check_yaml must have passed (no limit hit): it is
// converted to JSON a part at a time, the largest top-level list k_items_per_part items at a
// time, so memory stays bounded whatever the file holds.
// Thread-safe: the parsed schemas are shared and read-only; each call uses its own validator.
std::vector<Diagnostic> validate(DocumentKind kind, const bank::YamlNode& yaml_root, const std::string& file);

}  // namespace qbank::schema
