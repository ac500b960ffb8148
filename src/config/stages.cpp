#include "config/stages.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bank/yaml_json.hpp"
#include "config/config.hpp"
#include "config/suggest.hpp"
#include "core/json_dump.hpp"
#include "core/error.hpp"
#include "core/user_pattern.hpp"

namespace qbank::config {

namespace {

enum class Kind { boolean, whole_number, duration, size, text, patterns, fail_on, fraction };

struct Key {
  std::string_view name;
  Kind kind;
  int minimum = 0;  // whole numbers
};

struct Section {
  std::string_view name;
  std::vector<Key> keys;
  std::string_view note;  // said when the section has no keys of its own
};

const std::vector<Section>& sections() {
  static const std::vector<Section> k_sections{
      {"links",
       {{"concurrency", Kind::whole_number, 1},
        {"per-host", Kind::whole_number, 1},
        {"timeout", Kind::duration},
        {"total-timeout", Kind::duration},
        {"retries", Kind::whole_number, 0},
        {"backoff", Kind::duration},
        {"retry-after-max", Kind::duration},
        {"max-redirects", Kind::whole_number, 0},
        {"body-cap", Kind::size},
        {"allow-private", Kind::boolean},
        {"exclude", Kind::patterns},
        {"cache", Kind::text},
        {"max-age", Kind::duration},
        {"fail-on", Kind::fail_on}},
       {}},
      {"export", {{"bom", Kind::boolean}, {"raw", Kind::boolean}}, {}},
      {"dedup", {}, "set threshold under rules.near-duplicate-question and min-run under rules.repeated-section"},
  };
  return k_sections;
}

// Options of rules that have any (the rest take only `severity`); the rules read them.
const std::vector<Section>& rule_option_sections() {
  static const std::vector<Section> k_options{
      {"near-duplicate-question", {{"severity", Kind::text}, {"threshold", Kind::fraction}}, {}},
      {"repeated-section", {{"severity", Kind::text}, {"min-run", Kind::whole_number, 2}}, {}},
  };
  return k_options;
}

[[noreturn]] void fail_at(const std::string& file, const bank::YamlNode& node, const std::string& message) {
  SourceLocation at = bank::location_of(node, file);
  if (at.line > 0) throw Error(fmt::format("{}:{}:{}: {}", file, at.line, at.column, message));
  throw Error(fmt::format("{}: {}", file, message));
}

// What is wrong with `value`, or empty when it is fine.
std::string problem(const Key& key, const nlohmann::json& value) {
  switch (key.kind) {
    case Kind::boolean:
      return value.is_boolean() ? "" : "true or false";
    case Kind::whole_number:
      if (value.is_number_integer() && value.get<long long>() >= key.minimum && value.get<long long>() <= 100000) return "";
      return fmt::format("a whole number >= {}", key.minimum);
    case Kind::duration:
      if ((value.is_number() && value.get<double>() >= 0 && value.get<double>() <= 1e9) ||
          (value.is_string() && parse_duration(value.get<std::string>())))
        return "";
      return "a duration such as 500ms, 10s or 5m";
    case Kind::size:
      if (value.is_number_unsigned() || (value.is_string() && parse_byte_size(value.get<std::string>()))) return "";
      return "a size such as 64KiB";
    case Kind::text:
      return value.is_string() && !value.get<std::string>().empty() ? "" : "a string";
    case Kind::patterns: {
      // Compiled as the link policy compiles them, so a bad pattern fails every command.
      auto pattern_problem = [](const nlohmann::json& item) -> std::string {
        if (!item.is_string()) return "not a string";
        try {
          compile_user_pattern(item.get<std::string>());
          return "";
        } catch (const Error& e) {
          return e.what();
        }
      };
      if (value.is_string())
        if (auto why = pattern_problem(value); !why.empty()) return "a valid regular expression: " + why;
      if (value.is_array()) {
        for (const auto& item : value)
          if (auto why = pattern_problem(item); !why.empty()) return "a list of valid regular expressions: " + why;
        return "";
      }
      return "a regular expression or a list of them";
    }
    case Kind::fraction:
      return value.is_number() && value.get<double>() >= 0 && value.get<double>() <= 1 ? "" : "a number from 0 to 1";
    case Kind::fail_on: {
      std::string text = value.is_string() ? value.get<std::string>() : "";
      return text == "dead" || text == "error" || text == "never" ? "" : "dead, error or never";
    }
  }
  return "";
}

}  // namespace

namespace {

void check_keys(const std::string& file, const Section* section, const std::string& name, const bank::YamlNode& mapping) {
  if (!section) return;
  if (mapping.is_null()) return;  // `links:` with nothing under it
  if (!mapping.is_mapping()) fail_at(file, mapping, fmt::format("'{}' must be a mapping", name));
  std::vector<std::string> names;
  for (const auto& key : section->keys) names.emplace_back(key.name);
  ErrorList errors;  // every mistake in the section, not only the first
  for (std::size_t i = 0; i < mapping.size(); ++i) try {
    const std::string& key_name = mapping.key(i).scalar();
    const Key* key = nullptr;
    for (const auto& k : section->keys)
      if (k.name == key_name) key = &k;
    if (!key) {
      std::string message = fmt::format("unknown key '{}.{}'", name, key_name);
      if (auto close = closest_match(key_name, names)) message += fmt::format(" (did you mean '{}'?)", *close);
      else if (!section->note.empty()) message += fmt::format(" ({})", section->note);
      else if (names.size() == 1) message += fmt::format(" (the only key is '{}')", names.front());
      else message += fmt::format(" (known keys: {})", fmt::join(names, ", "));
      fail_at(file, mapping.key(i), message);
    }
    bank::YamlNode value = mapping.value(i);
    nlohmann::json json = bank::yaml_to_json(value, file, {}).value;
    if (std::string expected = problem(*key, json); !expected.empty()) {
      std::string shown = json.is_string() ? json.get<std::string>() : dump_json(json);
      fail_at(file, value, fmt::format("{}.{}: '{}' is not {}", name, key_name, shown, expected));
    }
  } catch (const Error& error) {
    errors.add(error);
  }
  errors.throw_if_any();
}

}  // namespace

void check_stage_section(const std::string& file, const std::string& name, const bank::YamlNode& mapping) {
  const Section* section = nullptr;
  for (const auto& s : sections())
    if (s.name == name) section = &s;
  check_keys(file, section, name, mapping);
}

void check_rule_options(const std::string& file, const std::string& rule_id, const bank::YamlNode& mapping) {
  static const Section k_severity_only{"", {{"severity", Kind::text}}, "this rule has no options"};
  const Section* section = &k_severity_only;
  for (const auto& s : rule_option_sections())
    if (s.name == rule_id) section = &s;
  check_keys(file, section, "rules." + rule_id, mapping);
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc{} || number < 0 || end == text.data()) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  while (unit.starts_with(' ')) unit.remove_prefix(1);
  double scale = 0;
  if (unit.empty() || unit == "s") scale = 1000;
  else if (unit == "ms") scale = 1;
  else if (unit == "m" || unit == "min") scale = 60'000;
  else if (unit == "h") scale = 3'600'000;
  else if (unit == "d") scale = 86'400'000;
  else return std::nullopt;
  double ms = number * scale;
  if (ms > 1e12) return std::nullopt;
  return std::chrono::milliseconds(static_cast<long long>(std::llround(ms)));
}

}  // namespace qbank::config
