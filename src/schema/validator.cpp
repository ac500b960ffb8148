#include "schema/validator.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>
// GCC 12 at -O3 inlines valijson's json_pointer::replaceAllInPlace into this file and then
// warns about std::string::replace overlapping itself (a known false positive of -Wrestrict).
#pragma GCC diagnostic push
#if !defined(__clang__)  // clang has no such warning, and warns about the unknown name
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
#pragma GCC diagnostic pop

#include "bank/yaml_json.hpp"
#include "core/diagnostic_limit.hpp"
#include "schema/embedded_schemas.hpp"
#include "schema/wording.hpp"

namespace qbank::schema {

namespace {

// valijson::Schema cannot be copied or moved, so it is built in place.
struct ParsedSchema {
  explicit ParsedSchema(std::string_view text) : document(nlohmann::json::parse(text)) {
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, schema);
  }
  nlohmann::json document;
  valijson::Schema schema;
};

const ParsedSchema& parsed(DocumentKind kind) {
  // Function-local statics: parsed once, thread-safe initialisation, read-only afterwards.
  static const ParsedSchema bank(k_bank_schema_json);
  static const ParsedSchema section(k_section_schema_json);
  return kind == DocumentKind::bank ? bank : section;
}

bool is_prefix(const std::vector<std::string>& prefix, const std::vector<std::string>& path) {
  return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

// valijson reports each failure once at the leaf and again at every enclosing level ("Failed to
// validate item #3 in array"). Authors need the leaves. Under a failed oneOf, the branches that
// want another type than the value has say nothing useful ("a resource must be a string" about
// a mapping); the branch of the value's own type says what is wrong. If no branch says anything
// beyond "wrong type", the oneOf's own failure is reported instead.
std::vector<valijson::ValidationResults::Error> leaf_errors(const valijson::ValidationResults& results) {
  std::vector<valijson::ValidationResults::Error> all(results.begin(), results.end());
  auto is_alternative = [](const std::string& d) { return d.find("child schemas allowed by") != std::string::npos; };
  auto is_wrapper = [](const std::string& d) {
    return d.starts_with("Failed to validate against schema associated with property") ||
           d.starts_with("Failed to validate item #") || d.starts_with("Failed to validate against child schema");
  };
  std::vector<std::vector<std::string>> alternatives;
  for (const auto& error : all)
    if (is_alternative(error.description)) alternatives.push_back(error.context);

  std::vector<valijson::ValidationResults::Error> leaves;
  std::set<std::vector<std::string>> explained;  // alternatives with a useful branch error
  for (const auto& error : all) {
    if (is_wrapper(error.description) || is_alternative(error.description)) continue;
    bool wrong_branch = false;
    for (const auto& prefix : alternatives)
      if (is_prefix(prefix, error.context)) {
        if (error.context == prefix && error.description.starts_with("Value type not permitted"))
          wrong_branch = true;
        else
          explained.insert(prefix);
      }
    if (!wrong_branch) leaves.push_back(error);
  }
  for (const auto& error : all)
    if (is_alternative(error.description) && !explained.count(error.context)) leaves.push_back(error);
  return leaves;
}

std::string quoted_from(const std::string& description) {
  // valijson quotes names as '...' at the end of its sentence.
  auto last = description.rfind('\'');
  if (last == std::string::npos || last == 0) return {};
  auto first = description.rfind('\'', last - 1);
  if (first == std::string::npos) return {};
  return description.substr(first + 1, last - first - 1);
}

std::optional<std::size_t> second_index(const std::string& description) {
  // "Elements at indexes #0 and #1 violate uniqueness constraint."
  auto hash = description.rfind('#');
  if (hash == std::string::npos) return std::nullopt;
  std::size_t index = 0;
  auto begin = description.data() + hash + 1;
  auto [end, error] = std::from_chars(begin, description.data() + description.size(), index);
  if (error != std::errc() || end == begin) return std::nullopt;
  return index;
}

// Which top-level array is validated in parts, and where the current part starts.
struct Chunk {
  std::string key;  // empty: the document is validated whole
  std::size_t offset = 0;
};
constexpr std::size_t k_items_per_part = 256;

// One valijson run over `part`: the whole document, or the document with only the items from
// `chunk.offset` on in its largest list. Error paths are mapped back to the whole document for
// the YAML node; the wording reads `part` with the path as it is there, and numbers the item
// as in the whole list.
void validate_part(const ParsedSchema& schema, const nlohmann::json& part, const Chunk& chunk, const bank::YamlNode& yaml_root,
                   const std::string& file, std::vector<Diagnostic>& diagnostics, DiagnosticLimiter& limiter) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(part);
  if (validator.validate(schema.schema, adapter, &results)) return;

  std::set<std::tuple<std::vector<std::string>, std::string>> reported;
  for (auto& error : leaf_errors(results)) {
    const std::vector<std::string> local = error.context;  // the path in `part`
    std::size_t offset = 0;
    if (!chunk.key.empty()) {
      bool in_items = error.context.size() >= 3 && error.context[1] == "[" + chunk.key + "]";
      if (!in_items && chunk.offset > 0) continue;  // about the rest of the document: the first part said it
      if (in_items) {
        std::size_t index = 0;
        const std::string& text = error.context[2];
        std::from_chars(text.data() + 1, text.data() + text.size() - 1, index);
        error.context[2] = "[" + std::to_string(index + chunk.offset) + "]";
        offset = chunk.offset;
      }
    }
    Wording wording = describe_path(schema.document, part, local, offset);
    bank::YamlNode node = bank::node_at_path(yaml_root, error.context);
    const std::string& d = error.description;

    Diagnostic diagnostic;
    diagnostic.rule = "schema";
    diagnostic.where = bank::location_of(node, file);
    if (d.starts_with("Missing required property")) {
      diagnostic.message = wording.owner_prefix + fmt::format("missing required field '{}'", quoted_from(d));
      diagnostic.hint = wording.expected.empty() ? "" : "expected " + wording.expected;
    } else if (d.starts_with("Object contains a property that could not be validated")) {
      // valijson names only the first unknown field of a mapping; report every one, each at
      // its own key, so a mapping with two typos shows both.
      std::vector<std::string> allowed = allowed_fields(schema.document, local, part);
      const nlohmann::json* object = value_at(part, local);
      if (object && object->is_object() && !allowed.empty()) {
        for (auto it = object->begin(); it != object->end(); ++it) {
          if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
          Diagnostic each = diagnostic;
          bank::YamlNode key = node.key_of(it.key());
          if (key.present()) each.where = bank::location_of(key, file);
          each.message = wording.owner_prefix + fmt::format("unknown field '{}'", it.key());
          each.hint = unknown_field_hint(allowed, it.key());
          if (reported.emplace(error.context, each.message).second) diagnostics.push_back(std::move(each));
        }
        continue;
      }
      std::string field = quoted_from(d);
      bank::YamlNode key = node.key_of(field);
      if (key.present()) diagnostic.where = bank::location_of(key, file);
      diagnostic.message = wording.owner_prefix + fmt::format("unknown field '{}'", field);
      diagnostic.hint = unknown_field_hint(allowed, field);
    } else if (d.find("uniqueness constraint") != std::string::npos) {
      auto index = second_index(d);
      const nlohmann::json* array = value_at(part, local);
      std::string item = (array && index && *index < array->size()) ? summarize((*array)[*index]) : "an item";
      if (index && node.is_sequence() && *index < node.size()) diagnostic.where = bank::location_of(node.item(*index), file);
      diagnostic.message = wording.owner_prefix + fmt::format("{} lists {} more than once", wording.subject, item);
    } else {
      const nlohmann::json* value = value_at(part, local);
      std::string got = value ? summarize(*value) : "something else";
      // About the question itself: "question #3 must be a mapping", not "question #3: question #3 …".
      if (wording.at_owner) wording.owner_prefix.clear();
      if (!wording.expected.empty())
        diagnostic.message = wording.owner_prefix + fmt::format("{} must be {} (got {})", wording.subject, wording.expected, got);
      else
        diagnostic.message = wording.owner_prefix + fmt::format("{}: {} (got {})", wording.subject, d, got);
    }
    if (!reported.emplace(error.context, diagnostic.message).second) continue;
    if (!limiter.offer(diagnostic.where, diagnostic.rule)) continue;
    diagnostics.push_back(std::move(diagnostic));
  }
}

// The document's largest top-level list, if it is long enough to validate in parts (absent if
// none), and its key.
std::pair<bank::YamlNode, std::string> chunked_list(const bank::YamlNode& root) {
  std::pair<bank::YamlNode, std::string> found;
  std::size_t largest = k_items_per_part;
  if (!root.is_mapping()) return found;
  for (std::size_t i = 0; i < root.size(); ++i) {
    bank::YamlNode key = root.key(i), value = root.value(i);
    if (!key.is_scalar() || !value.is_sequence() || value.size() <= largest) continue;
    if (root[key.scalar()] != value) continue;  // a repeated key: the conversion keeps the first
    found = {value, key.scalar()};
    largest = value.size();
  }
  return found;
}

}  // namespace

std::vector<Diagnostic> validate(DocumentKind kind, const bank::YamlNode& yaml_root, const std::string& file) {
  const ParsedSchema& schema = parsed(kind);
  std::vector<Diagnostic> diagnostics;
  DiagnosticLimiter limiter;
  Chunk chunk;
  auto [list, key] = chunked_list(yaml_root);
  chunk.key = key;
  if (chunk.key.empty()) {
    validate_part(schema, bank::yaml_to_json_without(yaml_root, {}), chunk, yaml_root, file, diagnostics, limiter);
  } else {
    // valijson keeps every error, with its path, until validation ends: a file of 249k broken
    // questions took gigabytes before the first diagnostic. In parts of k_items_per_part items
    // (no schema rule relates items of a top-level array to each other), memory stays bounded;
    // the parts are converted from the YAML tree one at a time, never the whole list at once.
    nlohmann::json part = bank::yaml_to_json_without(yaml_root, chunk.key);
    for (; chunk.offset < list.size(); chunk.offset += k_items_per_part) {
      part[chunk.key] = bank::yaml_items_to_json(list, chunk.offset, chunk.offset + k_items_per_part);
      validate_part(schema, part, chunk, yaml_root, file, diagnostics, limiter);
    }
  }
  limiter.finish(diagnostics);
  return diagnostics;
}

}  // namespace qbank::schema
