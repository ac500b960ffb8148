#include "config/config.hpp"

#include <cctype>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "bank/yaml_json.hpp"
#include "config/suggest.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace qbank::config {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_sections{"rules", "limits", "dedup", "links", "export"};
const std::vector<std::string> k_stage_sections{"dedup", "links", "export"};

[[noreturn]] void fail(const std::string& file, const YAML::Node& node, const std::string& message) {
  SourceLocation at = bank::location_of(node, file);
  if (at.line > 0) throw Error(fmt::format("{}:{}:{}: {}", file, at.line, at.column, message));
  throw Error(fmt::format("{}: {}", file, message));
}

std::string with_suggestion(std::string message, std::string_view name, const std::vector<std::string>& known) {
  if (auto close = closest_match(name, known)) message += fmt::format(" (did you mean '{}'?)", *close);
  return message;
}

Severity parse_severity_node(const std::string& file, const YAML::Node& node) {
  if (node.IsScalar())
    if (auto severity = parse_severity(node.Scalar())) return *severity;
  fail(file, node, "a severity must be off, warning or error");
}

void parse_rules(Config& config, const std::string& file, const YAML::Node& rules, const std::vector<std::string>& known) {
  if (!rules.IsMap()) fail(file, rules, "'rules' must be a mapping of rule id to severity");
  for (const auto& entry : rules) {
    std::string id = entry.first.Scalar();
    if (std::find(known.begin(), known.end(), id) == known.end())
      fail(file, entry.first, with_suggestion(fmt::format("unknown rule '{}'", id), id, known) + "; `qbank rules` lists them");
    const YAML::Node& value = entry.second;
    if (value.IsMap()) {
      nlohmann::json options = bank::yaml_to_json(value, file, {}).value;
      if (options.contains("severity")) {
        config.severities[id] = parse_severity_node(file, value["severity"]);
        options.erase("severity");
      }
      config.rule_options[id] = std::move(options);
    } else {
      config.severities[id] = parse_severity_node(file, value);
    }
  }
}

void parse_limits(Config& config, const std::string& file, const YAML::Node& limits) {
  if (!limits.IsMap()) fail(file, limits, "'limits' must be a mapping");
  for (const auto& entry : limits) {
    std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "max-file-size") {
      auto bytes = value.IsScalar() ? parse_byte_size(value.Scalar()) : std::nullopt;
      if (!bytes) fail(file, value, "max-file-size must be a size such as 16MiB or 500000");
      config.max_file_bytes = *bytes;
    } else if (key == "max-depth") {
      int depth = 0;
      if (!value.IsScalar() || !YAML::convert<int>::decode(value, depth) || depth < 4 || depth > 1000)
        fail(file, value, "max-depth must be a whole number from 4 to 1000");
      config.max_depth = depth;
    } else {
      std::vector<std::string> keys{"max-file-size", "max-depth"};
      fail(file, entry.first, with_suggestion(fmt::format("unknown limit '{}'", key), key, keys));
    }
  }
}

}  // namespace

Severity Config::severity_of(std::string_view rule_id, Severity default_severity) const {
  auto it = severities.find(rule_id);
  return it == severities.end() ? default_severity : it->second;
}

const nlohmann::json& Config::options_of(std::string_view rule_id) const {
  static const nlohmann::json k_empty = nlohmann::json::object();
  auto it = rule_options.find(rule_id);
  return it == rule_options.end() ? k_empty : it->second;
}

const nlohmann::json& Config::stage(std::string_view name) const {
  static const nlohmann::json k_empty = nlohmann::json::object();
  auto it = stages.find(name);
  return it == stages.end() ? k_empty : it->second;
}

Config parse_config(std::string_view yaml_text, const std::string& file_name, const std::vector<std::string>& known_rule_ids) {
  Config config;
  config.file = file_name;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    throw Error(fmt::format("{}:{}:{}: {}", file_name, error.mark.line + 1, error.mark.column + 1, error.msg));
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) fail(file_name, root, "the config must be a mapping (rules, limits, dedup, links, export)");
  for (const auto& entry : root) {
    std::string key = entry.first.Scalar();
    if (key == "rules")
      parse_rules(config, file_name, entry.second, known_rule_ids);
    else if (key == "limits")
      parse_limits(config, file_name, entry.second);
    else if (std::find(k_stage_sections.begin(), k_stage_sections.end(), key) != k_stage_sections.end()) {
      if (!entry.second.IsMap()) fail(file_name, entry.second, fmt::format("'{}' must be a mapping", key));
      config.stages[key] = bank::yaml_to_json(entry.second, file_name, {}).value;
    } else
      fail(file_name, entry.first, with_suggestion(fmt::format("unknown section '{}'", key), key, k_sections));
  }
  return config;
}

Config load_config(const std::optional<fs::path>& explicit_file, const std::vector<fs::path>& paths,
                   const std::vector<std::string>& known_rule_ids) {
  if (explicit_file) {
    if (!fs::is_regular_file(*explicit_file)) throw Error(fmt::format("config file '{}' does not exist", explicit_file->string()));
    return parse_config(read_file(*explicit_file), explicit_file->string(), known_rule_ids);
  }
  if (paths.empty()) return {};
  fs::path first = paths.front();
  fs::path folder = fs::is_directory(first) ? first : first.parent_path();
  if (folder.empty()) folder = ".";
  for (const fs::path& candidate : {folder / "qbank.yaml", fs::absolute(folder).lexically_normal().parent_path() / "qbank.yaml"}) {
    if (fs::is_regular_file(candidate)) return parse_config(read_file(candidate), candidate.lexically_normal().string(), known_rule_ids);
  }
  return {};
}

std::optional<std::uintmax_t> parse_byte_size(std::string_view text) {
  std::size_t i = 0;
  std::uintmax_t number = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    number = number * 10 + static_cast<std::uintmax_t>(text[i] - '0');
    if (number > (std::uintmax_t{1} << 50)) return std::nullopt;
    ++i;
  }
  if (i == 0) return std::nullopt;
  while (i < text.size() && text[i] == ' ') ++i;
  std::string unit(text.substr(i));
  for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (unit.empty() || unit == "b") return number;
  if (unit == "k" || unit == "kb") return number * 1000;
  if (unit == "kib") return number << 10;
  if (unit == "m" || unit == "mb") return number * 1000 * 1000;
  if (unit == "mib") return number << 20;
  if (unit == "g" || unit == "gb") return number * 1000 * 1000 * 1000;
  if (unit == "gib") return number << 30;
  return std::nullopt;
}

}  // namespace qbank::config
