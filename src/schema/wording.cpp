#include "schema/wording.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "config/suggest.hpp"
#include "core/json_dump.hpp"

namespace qbank::schema {

namespace {

std::string inner(const std::string& element) {
  if (element.size() >= 2 && element.front() == '[' && element.back() == ']') return element.substr(1, element.size() - 2);
  return element;
}

// Words for the definitions whose meaning lives in a pattern rather than a type.
std::string definition_words(const std::string& name) {
  if (name == "kebab-case") return "a kebab-case name (lowercase letters and digits joined by single hyphens, e.g. 'bias-variance')";
  if (name == "url") return "an absolute http:// or https:// URL with no spaces";
  if (name == "resource") return "a URL, or a mapping with 'url' and an optional 'title'";
  return {};
}

struct Resolved {
  const nlohmann::json* schema = nullptr;
  std::string definition;  // name of the last $ref'd definition, if any
};

Resolved resolve(const nlohmann::json& root, const nlohmann::json* schema) {
  Resolved resolved{schema, {}};
  for (int hops = 0; resolved.schema && resolved.schema->is_object() && resolved.schema->contains("$ref") && hops < 16; ++hops) {
    std::string ref = (*resolved.schema)["$ref"].get<std::string>();
    const std::string prefix = "#/definitions/";
    if (!ref.starts_with(prefix) || !root.contains("definitions")) return resolved;
    std::string name = ref.substr(prefix.size());
    auto& definitions = root["definitions"];
    if (!definitions.contains(name)) return resolved;
    resolved.schema = &definitions[name];
    resolved.definition = name;
  }
  return resolved;
}

std::string quote_list(const std::vector<std::string>& items, std::string_view conjunction) {
  std::vector<std::string> quoted;
  for (const auto& item : items) quoted.push_back("'" + item + "'");
  if (quoted.size() <= 1) return quoted.empty() ? "" : quoted.front();
  std::string last = quoted.back();
  quoted.pop_back();
  return fmt::format("{} {} {}", fmt::join(quoted, ", "), conjunction, last);
}

std::string expectation(const Resolved& resolved) {
  if (!resolved.schema || !resolved.schema->is_object()) return {};
  const auto& s = *resolved.schema;
  if (auto words = definition_words(resolved.definition); !words.empty()) return words;
  if (s.contains("enum")) {
    std::vector<std::string> values;
    for (const auto& v : s["enum"]) values.push_back(v.is_string() ? v.get<std::string>() : dump_json(v));
    return "one of " + fmt::format("{}", fmt::join(values, ", "));
  }
  std::string type = s.value("type", "");
  if (type == "string") return s.value("minLength", 0) > 0 ? "a non-empty string" : "a string";
  if (type == "array") return "a list";
  if (type == "object") {
    if (s.contains("required")) return "a mapping with " + quote_list(s["required"].get<std::vector<std::string>>(), "and");
    return "a mapping";
  }
  if (type == "integer" || type == "number") return "a number";
  if (type == "boolean") return "true or false";
  return {};
}

// The subschema for one step, or nullptr when the schema does not say.
const nlohmann::json* step(const nlohmann::json& root, const nlohmann::json* schema, const std::string& key, bool is_index) {
  Resolved here = resolve(root, schema);
  if (!here.schema || !here.schema->is_object()) return nullptr;
  const auto& s = *here.schema;
  if (is_index) return s.contains("items") ? &s["items"] : nullptr;
  if (s.contains("properties") && s["properties"].contains(key)) return &s["properties"][key];
  // A oneOf whose object branch has the property (resources as {url, title}).
  if (s.contains("oneOf"))
    for (const auto& branch : s["oneOf"]) {
      Resolved b = resolve(root, &branch);
      if (b.schema && b.schema->contains("properties") && (*b.schema)["properties"].contains(key)) return &(*b.schema)["properties"][key];
    }
  return nullptr;
}

}  // namespace

const nlohmann::json* value_at(const nlohmann::json& document, const std::vector<std::string>& context) {
  const nlohmann::json* current = &document;
  for (const auto& element : context) {
    if (element == "<root>") continue;
    std::string key = inner(element);
    if (current->is_array()) {
      std::size_t index = 0;
      try { index = std::stoul(key); } catch (...) { return nullptr; }
      if (index >= current->size()) return nullptr;
      current = &(*current)[index];
    } else if (current->is_object() && current->contains(key)) {
      current = &(*current)[key];
    } else {
      return nullptr;
    }
  }
  return current;
}

Wording describe_path(const nlohmann::json& schema, const nlohmann::json& document, const std::vector<std::string>& context,
                      std::size_t index_offset) {
  Wording wording;
  wording.subject = "the file";
  const nlohmann::json* sub = &schema;
  const nlohmann::json* value = &document;
  std::string last_property;
  std::size_t depth_after_owner = 0;
  for (const auto& element : context) {
    if (element == "<root>") continue;
    std::string key = inner(element);
    bool is_index = value && value->is_array();
    sub = sub ? step(schema, sub, key, is_index) : nullptr;
    if (value) value = value_at(*value, {element});
    if (is_index) {
      std::size_t index = std::stoul(key) + index_offset;
      index_offset = 0;  // only the first list on the path is the one in parts
      if (last_property == "questions" && wording.owner_prefix.empty()) {
        // A question is named by its id when it has a usable one.
        std::string name = fmt::format("question #{}", index + 1);
        if (value && value->is_object() && value->contains("id") && (*value)["id"].is_string())
          name = fmt::format("question '{}'", (*value)["id"].get<std::string>());
        wording.owner_prefix = name + ": ";
        wording.subject = name;
        depth_after_owner = 0;
        continue;
      }
      wording.subject = fmt::format("'{}' item {}", last_property, index + 1);
    } else {
      last_property = key;
      wording.subject = "'" + key + "'";
    }
    ++depth_after_owner;
  }
  wording.at_owner = !wording.owner_prefix.empty() && depth_after_owner == 0;
  wording.expected = expectation(resolve(schema, sub));
  return wording;
}

std::string summarize(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "an empty value";
    case nlohmann::json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return "the number " + value.dump();
    case nlohmann::json::value_t::array: return "a list";
    case nlohmann::json::value_t::object: return "a mapping";
    case nlohmann::json::value_t::string: {
      std::string text = value.get<std::string>();
      if (text.size() > 60) {
        std::size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
        text = text.substr(0, cut) + "...";
      }
      return "'" + text + "'";
    }
    default: return "a value";
  }
}

std::vector<std::string> allowed_fields(const nlohmann::json& schema, const std::vector<std::string>& context,
                                        const nlohmann::json& document) {
  const nlohmann::json* sub = &schema;
  const nlohmann::json* value = &document;
  for (const auto& element : context) {
    if (element == "<root>" || !sub) continue;
    bool is_index = value && value->is_array();
    sub = step(schema, sub, inner(element), is_index);
    if (value) value = value_at(*value, {element});
  }
  std::vector<std::string> allowed;
  Resolved here = resolve(schema, sub);
  auto collect = [&](const nlohmann::json& s) {
    if (s.is_object() && s.contains("properties"))
      for (auto it = s["properties"].begin(); it != s["properties"].end(); ++it) allowed.push_back(it.key());
  };
  if (here.schema) {
    collect(*here.schema);
    if (here.schema->contains("oneOf"))
      for (const auto& branch : (*here.schema)["oneOf"]) if (auto b = resolve(schema, &branch); b.schema) collect(*b.schema);
  }
  return allowed;
}

std::string unknown_field_hint(const std::vector<std::string>& allowed, const std::string& field) {
  if (auto close = config::closest_match(field, allowed)) return fmt::format("did you mean '{}'?", *close);
  if (!allowed.empty()) return "allowed fields: " + fmt::format("{}", fmt::join(allowed, ", "));
  return {};
}

}  // namespace qbank::schema
