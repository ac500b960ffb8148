// Builds the model from a yaml-cpp tree that has already been converted and validated. It is
// tolerant: a wrongly typed field (already reported by the schema) is left empty, never thrown.
#pragma once

#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "bank/model.hpp"

namespace qbank::bank {

Section build_section(const YAML::Node& root, const std::string& file, std::string_view content);
BankInfo build_bank_info(const YAML::Node& root, const std::string& file);

}  // namespace qbank::bank
