// Turns a valijson error position into words a content author understands: who owns the
// value ("question 'pca': "), what it is ("'tags' item 3"), and what the schema expects there
// ("one of basic, intermediate, advanced"), derived from the schema itself.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qbank::schema {

struct Wording {
  std::string owner_prefix;  // "question 'pca': " or "" at file level
  std::string subject;       // "'answer'", "'tags' item 3", "the file"
  std::string expected;      // "a string", "one of a, b, c"; empty when unknown
  bool at_owner = false;     // the path ends at the owner itself (the question mapping)
};

// `index_offset` is added to the first list index on the path when naming the item: the
// document may hold only a part of a long list, starting at that item.
Wording describe_path(const nlohmann::json& schema, const nlohmann::json& document,
                      const std::vector<std::string>& context, std::size_t index_offset = 0);

// The value a valijson context path points at; nullptr when the path leaves the document.
const nlohmann::json* value_at(const nlohmann::json& document, const std::vector<std::string>& context);

// "'hard'", "the number 12", "true", "an empty value", "a list", "a mapping".
std::string summarize(const nlohmann::json& value);

// The fields the schema allows in the mapping at `context` (valijson names only the first
// field it does not know; the validator reports every one with this list).
std::vector<std::string> allowed_fields(const nlohmann::json& schema, const std::vector<std::string>& context,
                                        const nlohmann::json& document);
// "did you mean 'title'?" or the list of allowed fields.
std::string unknown_field_hint(const std::vector<std::string>& allowed, const std::string& field);

}  // namespace qbank::schema
