// Serialising JSON that holds text from untrusted input. nlohmann's dump() throws
// type_error.316 on a string that is not valid UTF-8 (a yaml-cpp message quoting half a
// character, a config value), which turned a report into a crash; here such bytes become
// U+FFFD instead. Every JSON document qbank writes goes through this.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/parallel.hpp"

namespace qbank {

// -1: compact; otherwise pretty-printed with this many spaces per level.
template <class Json>
std::string dump_json(const Json& json, int indent = -1) {
  return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `json` as dump_json(document, 2) writes it where it sits `depth` levels inside the document:
// every line after the first indented by two spaces per level (a string value never holds a raw
// newline: JSON escapes it).
template <class Json>
std::string dump_json_nested(const Json& json, int depth) {
  std::string flat = dump_json(json, 2);
  std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  std::string out;
  out.reserve(flat.size() + flat.size() / 8);
  for (char c : flat) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

// A member array of the top-level object, as dump_json(document, 2) writes it ("[]" when empty),
// its elements dumped on two threads: a report can hold tens of thousands.
template <class Json>
std::string dump_json_member_array(const std::vector<Json>& items) {
  if (items.empty()) return "[]";
  std::vector<std::string> dumped(items.size());
  parallel_chunks(
      items.size(),
      [&](std::size_t begin, std::size_t end, unsigned) {
        for (std::size_t k = begin; k < end; ++k) dumped[k] = dump_json_nested(items[k], 2);
      },
      500);
  std::string out = "[\n";
  for (std::size_t k = 0; k < dumped.size(); ++k) {
    out += "    ";
    out += dumped[k];
    out += k + 1 < dumped.size() ? ",\n" : "\n";
  }
  out += "  ]";
  return out;
}

}  // namespace qbank
