// Schema validation of one loaded file: valijson over the nlohmann::json conversion, every
// violation reported (not just the first), each mapped back to the YAML node's line and column
// and phrased for a content author ("question 'pca': missing required field 'answer'").
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bank/yaml_document.hpp"
#include "core/diagnostic.hpp"

namespace qbank::schema {

enum class DocumentKind { bank, section };

// Thread-safe: the parsed schemas are shared and read-only; each call uses its own validator.
std::vector<Diagnostic> validate(DocumentKind kind, const nlohmann::json& document, const bank::YamlNode& yaml_root,
                                 const std::string& file);

}  // namespace qbank::schema
