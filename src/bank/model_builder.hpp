// Builds the model from a YAML tree that has already been converted and validated. It is
// tolerant: a wrongly typed field (already reported by the schema) is left empty, never thrown.
#pragma once

#include <string>
#include <string_view>

#include "bank/model.hpp"
#include "bank/yaml_document.hpp"

namespace qbank::bank {

Section build_section(const YamlNode& root, const std::string& file, std::string_view content);
BankInfo build_bank_info(const YamlNode& root, const std::string& file);

}  // namespace qbank::bank
