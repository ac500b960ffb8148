// Serialising JSON that holds text from untrusted input. nlohmann's dump() throws
// type_error.316 on a string that is not valid UTF-8 (a yaml-cpp message quoting half a
// character, a config value), which turned a report into a crash; here such bytes become
// U+FFFD instead. Every JSON document qbank writes goes through this.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace qbank {

// -1: compact; otherwise pretty-printed with this many spaces per level.
template <class Json>
std::string dump_json(const Json& json, int indent = -1) {
  return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace qbank
