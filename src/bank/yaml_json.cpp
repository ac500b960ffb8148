#include "bank/yaml_json.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

namespace qbank::bank {

namespace {

bool is_core_null(const std::string& s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

std::optional<bool> core_bool(const std::string& s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

std::optional<nlohmann::json> core_int(const std::string& s) {
  std::string_view digits = s;
  int base = 10;
  bool negative = false;
  if (digits.starts_with("0x")) { base = 16; digits.remove_prefix(2); }
  else if (digits.starts_with("0o")) { base = 8; digits.remove_prefix(2); }
  else if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) { negative = digits[0] == '-'; digits.remove_prefix(1); }
  if (digits.empty()) return std::nullopt;
  std::uint64_t magnitude = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (end != digits.data() + digits.size()) return std::nullopt;
  // Out of range integers are still integers to YAML; JSON Schema only needs their type.
  if (error != std::errc()) return nlohmann::json(negative ? -std::numeric_limits<double>::max() : std::numeric_limits<double>::max());
  if (negative) return nlohmann::json(-static_cast<std::int64_t>(magnitude));
  return nlohmann::json(magnitude);
}

std::optional<double> core_float(const std::string& s) {
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  std::string_view body = s;
  bool negative = false;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) { negative = body[0] == '-'; body.remove_prefix(1); }
  if (body == ".inf" || body == ".Inf" || body == ".INF") return negative ? -INFINITY : INFINITY;
  // [0-9]* (. [0-9]*)? ([eE][-+]?[0-9]+)? with at least one digit before the exponent.
  std::size_t i = 0, digits = 0;
  while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) { ++i; ++digits; }
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) { ++i; ++digits; }
  }
  if (digits == 0) return std::nullopt;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '-' || body[i] == '+')) ++i;
    std::size_t exponent_digits = 0;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) { ++i; ++exponent_digits; }
    if (exponent_digits == 0) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  double value = std::strtod(std::string(body).c_str(), nullptr);
  return negative ? -value : value;
}

nlohmann::json typed_scalar(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  const std::string& text = node.Scalar();
  // "!" is a quoted or block scalar; an explicit !!str is a string too.
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return text;
  if (tag != "?" && !tag.empty()) {
    if (tag == "tag:yaml.org,2002:null") return nullptr;
    if (tag == "tag:yaml.org,2002:bool") { if (auto b = core_bool(text)) return *b; }
    if (tag == "tag:yaml.org,2002:int") { if (auto i = core_int(text)) return *i; }
    if (tag == "tag:yaml.org,2002:float") { if (auto f = core_float(text)) return *f; }
    return text;
  }
  if (is_core_null(text)) return nullptr;
  if (auto b = core_bool(text)) return *b;
  if (auto i = core_int(text)) return *i;
  if (auto f = core_float(text)) return *f;
  return text;
}

class Converter {
 public:
  Converter(const std::string& file, const ConversionLimits& limits) : m_file(file), m_limits(limits) {}

  Conversion run(const YAML::Node& root) {
    Conversion result;
    result.value = convert(root, 0);
    result.diagnostics = std::move(m_diagnostics);
    result.complete = !m_stopped;
    return result;
  }

 private:
  nlohmann::json convert(const YAML::Node& node, int depth) {
    if (m_stopped) return nullptr;
    if (++m_nodes > m_limits.max_nodes) {
      stop(node, fmt::format("the document expands to more than {} nodes; aliases (*name) that repeat "
                             "anchored blocks can make a small file huge (an \"alias bomb\")", m_limits.max_nodes),
           "remove the aliases, or write the repeated content out");
      return nullptr;
    }
    if (depth > m_limits.max_depth) {
      stop(node, fmt::format("nesting is deeper than {} levels", m_limits.max_depth),
           "a question bank needs only a few levels; check for runaway brackets or indentation");
      return nullptr;
    }
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return nullptr;
      case YAML::NodeType::Scalar:
        return typed_scalar(node);
      case YAML::NodeType::Sequence: {
        nlohmann::json array = nlohmann::json::array();
        for (const auto& item : node) {
          array.push_back(convert(item, depth + 1));
          if (m_stopped) break;
        }
        return array;
      }
      case YAML::NodeType::Map: {
        nlohmann::json object = nlohmann::json::object();
        std::unordered_map<std::string, YAML::Mark> seen;
        for (const auto& pair : node) {
          std::string key = pair.first.IsScalar() ? pair.first.Scalar() : std::string("<complex key>");
          auto [it, inserted] = seen.emplace(key, pair.first.Mark());
          if (!inserted) {
            Diagnostic d;
            d.where = location_of(pair.first, m_file);
            d.rule = "duplicate-key";
            d.message = fmt::format("duplicate key '{}': YAML keeps only one of them", key);
            d.hint = "merge the two entries or rename one";
            d.related.push_back({location_of(it->second, m_file), fmt::format("'{}' first defined here", key)});
            m_diagnostics.push_back(std::move(d));
            continue;
          }
          object[key] = convert(pair.second, depth + 1);
          if (m_stopped) break;
        }
        return object;
      }
    }
    return nullptr;
  }

  void stop(const YAML::Node& node, std::string message, std::string hint) {
    m_stopped = true;
    Diagnostic d;
    d.where = location_of(node, m_file);
    d.rule = "input-limit";
    d.message = std::move(message);
    d.hint = std::move(hint);
    m_diagnostics.push_back(std::move(d));
  }

  const std::string& m_file;
  const ConversionLimits& m_limits;
  std::vector<Diagnostic> m_diagnostics;
  std::size_t m_nodes = 0;
  bool m_stopped = false;
};

}  // namespace

Conversion yaml_to_json(const YAML::Node& root, const std::string& file, const ConversionLimits& limits) {
  return Converter(file, limits).run(root);
}

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null() || mark.line < 0) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
  if (!node.IsDefined()) return {file, 0, 0};
  return location_of(node.Mark(), file);
}

YAML::Node node_at_path(const YAML::Node& root, const std::vector<std::string>& context) {
  // Node::operator= assigns *through* the node (it would rewrite the tree); reset() rebinds.
  YAML::Node current;
  current.reset(root);
  for (const auto& element : context) {
    if (element == "<root>") continue;
    if (element.size() < 2 || element.front() != '[' || element.back() != ']') break;
    std::string inner = element.substr(1, element.size() - 2);
    YAML::Node next;
    if (current.IsSequence()) {
      std::size_t index = 0;
      auto [end, error] = std::from_chars(inner.data(), inner.data() + inner.size(), index);
      if (error != std::errc() || end != inner.data() + inner.size() || index >= current.size()) break;
      const YAML::Node& sequence = current;
      next.reset(sequence[index]);
    } else if (current.IsMap()) {
      // First match, like the conversion; operator[] on a const node does not insert.
      const YAML::Node& mapping = current;
      next.reset(mapping[inner]);
      if (!next.IsDefined()) break;
      // A key with no value is a Null node whose mark may be unset: stay on the key instead.
      if (next.Mark().is_null()) {
        current.reset(key_node(current, inner));
        break;
      }
    } else {
      break;
    }
    current.reset(next);
  }
  return current;
}

YAML::Node key_node(const YAML::Node& mapping, const std::string& key) {
  if (!mapping.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& pair : mapping)
    if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.first;
  return YAML::Node(YAML::NodeType::Undefined);
}

}  // namespace qbank::bank
