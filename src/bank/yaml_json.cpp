#include "bank/yaml_json.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "core/diagnostic_limit.hpp"

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

nlohmann::json typed_scalar(const YamlNode& node) {
  const std::string& tag = node.tag();
  const std::string& text = node.scalar();
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

const std::string k_complex_key = "<complex key>";

// Without limits: for trees check_yaml has already walked.
const ConversionLimits k_no_limits{std::numeric_limits<int>::max(), std::numeric_limits<std::size_t>::max()};
const std::string k_no_file;

class Converter {
 public:
  // build = false: walk, count and report only (check_yaml). The root mapping's value under
  // `left_out` (if not empty) converts as [].
  Converter(const std::string& file, const ConversionLimits& limits, bool build = true, std::string_view left_out = {})
      : m_file(file), m_limits(limits), m_build(build), m_left_out(left_out) {}

  Conversion run(const YamlNode& root) {
    Conversion result;
    result.value = convert(root, 0);
    m_limiter.finish(m_diagnostics);
    result.diagnostics = std::move(m_diagnostics);
    result.complete = !m_stopped;
    return result;
  }

 private:
  nlohmann::json convert(const YamlNode& node, int depth) {
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
    if (!node.present()) return nullptr;
    switch (node.kind()) {
      case YamlKind::null:
        return nullptr;
      case YamlKind::scalar:
        return m_build ? typed_scalar(node) : nullptr;
      case YamlKind::sequence: {
        if (!m_build) {
          for (std::size_t i = 0; i < node.size() && !m_stopped; ++i) convert(node.item(i), depth + 1);
          return nullptr;
        }
        nlohmann::json array = nlohmann::json::array();
        array.get_ref<nlohmann::json::array_t&>().reserve(node.size());
        for (std::size_t i = 0; i < node.size(); ++i) {
          array.push_back(convert(node.item(i), depth + 1));
          if (m_stopped) break;
        }
        return array;
      }
      case YamlKind::mapping: {
        if (!m_build) {
          check_mapping(node, depth);
          return nullptr;
        }
        nlohmann::json object = nlohmann::json::object();
        auto& members = object.get_ref<nlohmann::json::object_t&>();
        for (std::size_t i = 0; i < node.size(); ++i) {
          auto [slot, inserted] = members.try_emplace(key_text(node.key(i)));
          if (!inserted) {
            report_duplicate_key(node, i);
            continue;
          }
          if (depth == 0 && !m_left_out.empty() && slot->first == m_left_out) {
            slot->second = nlohmann::json::array();
            continue;
          }
          slot->second = convert(node.value(i), depth + 1);
          if (m_stopped) break;
        }
        return object;
      }
    }
    return nullptr;
  }

  // check_yaml's mapping: the same duplicate-key findings (the first of equal keys counts)
  // without building the object. Question mappings have a handful of keys, so those are compared
  // directly; a large mapping gets a hash set (a quadratic scan would be an attack surface).
  void check_mapping(const YamlNode& node, int depth) {
    constexpr std::size_t k_scan_limit = 16;
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string& key = key_text(node.key(i));
      bool repeated = false;
      if (node.size() <= k_scan_limit) {
        for (std::size_t j = 0; j < i && !repeated; ++j) repeated = key_text(node.key(j)) == key;
      } else {
        repeated = !seen.insert(key).second;
      }
      if (repeated) {
        report_duplicate_key(node, i);
        continue;
      }
      convert(node.value(i), depth + 1);
      if (m_stopped) break;
    }
  }

  static const std::string& key_text(const YamlNode& key) { return key.is_scalar() ? key.scalar() : k_complex_key; }

  // Pair `index` repeats an earlier key of `mapping`; said where both are. Rare, so the earlier
  // one is searched for only now, and only while under the diagnostics limit (a mapping that
  // repeats all its many keys would make the search quadratic).
  void report_duplicate_key(const YamlNode& mapping, std::size_t index) {
    SourceLocation where = location_of(mapping.key(index), m_file);
    if (!m_limiter.offer(where, "duplicate-key")) return;
    std::string key = key_text(mapping.key(index));
    std::size_t first = 0;
    while (first < index && key_text(mapping.key(first)) != key) ++first;
    Diagnostic d;
    d.where = std::move(where);
    d.rule = "duplicate-key";
    d.message = fmt::format("duplicate key '{}': YAML keeps only one of them", key);
    d.hint = "merge the two entries or rename one";
    d.related.push_back({location_of(mapping.key(first), m_file), fmt::format("'{}' first defined here", key)});
    m_diagnostics.push_back(std::move(d));
  }

  void stop(const YamlNode& node, std::string message, std::string hint) {
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
  bool m_build;
  std::string_view m_left_out;
  std::vector<Diagnostic> m_diagnostics;
  DiagnosticLimiter m_limiter;
  std::size_t m_nodes = 0;
  bool m_stopped = false;
};

}  // namespace

Conversion yaml_to_json(const YamlNode& root, const std::string& file, const ConversionLimits& limits) {
  return Converter(file, limits).run(root);
}

Conversion check_yaml(const YamlNode& root, const std::string& file, const ConversionLimits& limits) {
  return Converter(file, limits, false).run(root);
}

nlohmann::json yaml_to_json_without(const YamlNode& root, std::string_view left_out) {
  return Converter(k_no_file, k_no_limits, true, left_out).run(root).value;
}

nlohmann::json yaml_items_to_json(const YamlNode& list, std::size_t begin, std::size_t end) {
  nlohmann::json array = nlohmann::json::array();
  end = std::min(end, list.size());
  if (begin >= end) return array;
  array.get_ref<nlohmann::json::array_t&>().reserve(end - begin);
  Converter converter(k_no_file, k_no_limits);
  for (std::size_t i = begin; i < end; ++i) array.push_back(converter.run(list.item(i)).value);
  return array;
}

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null() || mark.line < 0) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

SourceLocation location_of(const YamlNode& node, const std::string& file) {
  if (!node.present()) return {file, 0, 0};
  return location_of(node.mark(), file);
}

YamlNode node_at_path(const YamlNode& root, const std::vector<std::string>& context) {
  YamlNode current = root;
  for (const auto& element : context) {
    if (element == "<root>") continue;
    if (element.size() < 2 || element.front() != '[' || element.back() != ']') break;
    std::string_view inner(element.data() + 1, element.size() - 2);
    YamlNode next;
    if (current.is_sequence()) {
      std::size_t index = 0;
      auto [end, error] = std::from_chars(inner.data(), inner.data() + inner.size(), index);
      if (error != std::errc() || end != inner.data() + inner.size() || index >= current.size()) break;
      next = current.item(index);
    } else if (current.is_mapping()) {
      // First match, like the conversion.
      next = current[inner];
      if (!next.present()) break;
      // A key with no value is a null node marked where the next token starts (often the next
      // line) or not at all: the key is where the author looks.
      if (next.is_null()) {
        current = current.key_of(inner);
        break;
      }
    } else {
      break;
    }
    current = next;
  }
  return current;
}

}  // namespace qbank::bank
