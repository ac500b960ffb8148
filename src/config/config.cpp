#include "config/config.hpp"

#include <cctype>
#include <charconv>

#include <fmt/format.h>
#include <yaml-cpp/exceptions.h>

#include "bank/yaml_explain.hpp"
#include "bank/yaml_json.hpp"
#include "config/stages.hpp"
#include "config/suggest.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace qbank::config {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_sections{"rules", "limits", "dedup", "links", "export"};
const std::vector<std::string> k_stage_sections{"dedup", "links", "export"};

[[noreturn]] void fail(const std::string& file, const bank::YamlNode& node, const std::string& message) {
  SourceLocation at = bank::location_of(node, file);
  if (at.line > 0) throw Error(fmt::format("{}:{}:{}: {}", file, at.line, at.column, message));
  throw Error(fmt::format("{}: {}", file, message));
}

std::string with_suggestion(std::string message, std::string_view name, const std::vector<std::string>& known) {
  if (auto close = closest_match(name, known)) message += fmt::format(" (did you mean '{}'?)", *close);
  return message;
}

Severity parse_severity_node(const std::string& file, const bank::YamlNode& node) {
  if (!node.is_scalar()) fail(file, node, "a severity must be off, warning or error");
  if (auto severity = parse_severity(node.scalar())) return *severity;
  fail(file, node,
       with_suggestion(fmt::format("severity '{}' is not off, warning or error", node.scalar()), node.scalar(), {"off", "warning", "error"}));
}

void parse_rules(Config& config, const std::string& file, const bank::YamlNode& rules, const std::vector<std::string>& known) {
  if (!rules.is_mapping()) fail(file, rules, "'rules' must be a mapping of rule id to severity");
  ErrorList errors;
  for (std::size_t i = 0; i < rules.size(); ++i) try {
    const std::string& id = rules.key(i).scalar();
    if (std::find(known.begin(), known.end(), id) == known.end())
      fail(file, rules.key(i), with_suggestion(fmt::format("unknown rule '{}'", id), id, known) + "; `qbank rules` lists them");
    bank::YamlNode value = rules.value(i);
    if (value.is_mapping()) {
      check_rule_options(file, id, value);
      nlohmann::json options = bank::yaml_to_json(value, file, {}).value;
      if (options.contains("severity")) {
        config.severities[id] = parse_severity_node(file, value["severity"]);
        options.erase("severity");
      }
      config.rule_options[id] = std::move(options);
    } else {
      config.severities[id] = parse_severity_node(file, value);
    }
  } catch (const Error& error) {
    errors.add(error);
  }
  errors.throw_if_any();
}

std::optional<int> whole_number(const bank::YamlNode& node) {
  const std::string& text = node.scalar();
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!node.is_scalar() || text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void parse_limits(Config& config, const std::string& file, const bank::YamlNode& limits) {
  if (!limits.is_mapping()) fail(file, limits, "'limits' must be a mapping");
  ErrorList errors;
  for (std::size_t i = 0; i < limits.size(); ++i) try {
    const std::string& key = limits.key(i).scalar();
    bank::YamlNode value = limits.value(i);
    if (key == "max-file-size") {
      auto bytes = value.is_scalar() ? parse_byte_size(value.scalar()) : std::nullopt;
      if (!bytes) fail(file, value, "max-file-size must be a size such as 16MiB or 500000");
      config.max_file_bytes = *bytes;
    } else if (key == "max-depth") {
      auto depth = whole_number(value);
      if (!depth || *depth < 4 || *depth > 1000) fail(file, value, "max-depth must be a whole number from 4 to 1000");
      config.max_depth = *depth;
    } else {
      std::vector<std::string> keys{"max-file-size", "max-depth"};
      fail(file, limits.key(i), with_suggestion(fmt::format("unknown limit '{}'", key), key, keys));
    }
  } catch (const Error& error) {
    errors.add(error);
  }
  errors.throw_if_any();
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
  // Its strings reach messages and JSON reports, which need valid UTF-8.
  if (auto bad = text::find_invalid_utf8(yaml_text)) {
    auto at = text::line_column_at(yaml_text, *bad);
    throw Error(fmt::format("{}:{}:{}: invalid UTF-8 (byte 0x{:02X}); the config must be UTF-8 encoded", file_name, at.line,
                            at.column, static_cast<unsigned char>(yaml_text[*bad])));
  }
  bank::YamlDocument document;
  try {
    document = bank::YamlDocument::parse(yaml_text);
  } catch (const YAML::Exception& error) {
    bank::Explanation plain = bank::explain_yaml_error(error, yaml_text);
    std::string hint = plain.hint.empty() ? "" : "; " + plain.hint;
    if (plain.line > 0) throw Error(fmt::format("{}:{}:{}: {}{}", file_name, plain.line, plain.column, plain.message, hint));
    throw Error(fmt::format("{}: {}{}", file_name, plain.message, hint));
  }
  bank::YamlNode root = document.root();
  if (!root.present() || root.is_null()) return config;
  if (!root.is_mapping()) fail(file_name, root, "the config must be a mapping (rules, limits, dedup, links, export)");
  ErrorList errors;  // every mistake in the file, each at its place, not only the first
  for (std::size_t i = 0; i < root.size(); ++i) try {
    const std::string& key = root.key(i).scalar();
    bank::YamlNode value = root.value(i);
    if (key == "rules")
      parse_rules(config, file_name, value, known_rule_ids);
    else if (key == "limits")
      parse_limits(config, file_name, value);
    else if (std::find(k_stage_sections.begin(), k_stage_sections.end(), key) != k_stage_sections.end()) {
      check_stage_section(file_name, key, value);
      if (value.is_null()) continue;
      config.stages[key] = bank::yaml_to_json(value, file_name, {}).value;
      for (std::size_t k = 0; k < value.size(); ++k)
        config.key_locations[key + "." + value.key(k).scalar()] = bank::location_of(value.value(k), file_name);
    } else
      fail(file_name, root.key(i), with_suggestion(fmt::format("unknown section '{}'", key), key, k_sections));
  } catch (const Error& error) {
    errors.add(error);
  }
  errors.throw_if_any();
  return config;
}

namespace {

std::string at(const Config& config, const std::string& key) {
  auto it = config.key_locations.find(key);
  if (it == config.key_locations.end() || it->second.line == 0) return config.file.string();
  return fmt::format("{}:{}:{}", config.file.string(), it->second.line, it->second.column);
}

bool inside(const fs::path& path, const fs::path& root) {
  auto mismatch = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return mismatch.first == root.end();
}

// How the file is named on screen: relative to the working directory when one holds the
// other ("qbank.yaml", "../qbank.yaml" from inside the bank), else absolute.
std::string display_name(const fs::path& absolute) {
  std::error_code error;
  fs::path cwd = fs::weakly_canonical(fs::current_path(error), error);
  if (!error && (inside(absolute, cwd) || inside(cwd, absolute.parent_path()))) return absolute.lexically_relative(cwd).string();
  return absolute.string();
}

// The settings a pull request must not control, checked once the config's origin is known.
void check_trust(Config& config) {
  const nlohmann::json& links = config.stage("links");
  if (!config.named_on_command_line && links.contains("allow-private"))
    throw Error(fmt::format("{}: links.allow-private is honoured only on the command line (--allow-private) or in a file "
                            "named with --config: a qbank.yaml found beside the bank may come from the pull request "
                            "being checked",
                            at(config, "links.allow-private")));
  if (links.contains("cache") && links["cache"].is_string()) {
    // The cache is written: a path in the file must not reach outside the repository (an
    // absolute path, `../..`, or a symlink out), since the file itself may be untrusted.
    fs::path folder = fs::absolute(config.file).parent_path();
    fs::path root = fs::weakly_canonical(repository_root(folder));
    fs::path given = links["cache"].get<std::string>();
    fs::path resolved = fs::weakly_canonical(folder / given);
    if (!inside(resolved, root))
      throw Error(fmt::format("{}: links.cache: '{}' is outside the repository ({}); a cache path in qbank.yaml must stay "
                              "inside it (use --cache FILE for another place)",
                              at(config, "links.cache"), given.string(), root.string()));
    config.stages["links"]["cache"] = resolved.string();
  }
}

}  // namespace

fs::path repository_root(const fs::path& folder) {
  std::error_code error;
  for (fs::path dir = folder;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", error)) return dir;
    if (dir == dir.root_path() || dir.parent_path() == dir) return folder;
  }
}

Config load_config(const std::optional<fs::path>& explicit_file, const std::vector<fs::path>& paths,
                   const std::vector<std::string>& known_rule_ids) {
  if (explicit_file) {
    if (!fs::is_regular_file(*explicit_file)) throw Error(fmt::format("config file '{}' does not exist", explicit_file->string()));
    Config config = parse_config(read_file(*explicit_file), explicit_file->string(), known_rule_ids);
    config.named_on_command_line = true;
    check_trust(config);
    return config;
  }
  if (paths.empty()) return {};
  // Resolve first: `qbank lint .` inside the bank folder must find the same file as
  // `qbank lint ../questions` from beside it.
  std::error_code error;
  fs::path first = fs::weakly_canonical(fs::absolute(paths.front()), error);
  if (error) first = fs::absolute(paths.front()).lexically_normal();
  fs::path folder = fs::is_directory(first) ? first : first.parent_path();
  for (fs::path dir = folder;; dir = dir.parent_path()) {
    for (const char* name : {"qbank.yaml", "qbank.yml"}) {
      fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, error)) {
        Config config = parse_config(read_file(candidate), display_name(candidate), known_rule_ids);
        check_trust(config);
        return config;
      }
    }
    // Stop at the repository root, as ruff and yamllint do: a qbank.yaml above it belongs to
    // another project.
    if (fs::exists(dir / ".git", error) || dir == dir.root_path() || dir.parent_path() == dir) break;
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
