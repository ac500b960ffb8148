// The JSON Schemas from schemas/, compiled into the binary (generated at build time from
// embedded_schemas.cpp.in) so qbank validates the same way from any working folder.
#pragma once

#include <string_view>

namespace qbank::schema {

extern const std::string_view k_bank_schema_json;
extern const std::string_view k_section_schema_json;

}  // namespace qbank::schema
