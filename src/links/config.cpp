#include "links/config.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "config/config.hpp"
#include "config/stages.hpp"
#include "config/suggest.hpp"
#include "core/error.hpp"
#include "core/json_dump.hpp"

namespace qbank::links {

namespace {

const std::vector<std::string> k_keys{"concurrency", "per-host",      "timeout",  "total-timeout", "retries",
                                      "backoff",     "retry-after-max", "max-redirects", "body-cap",  "allow-private",
                                      "exclude",     "cache",         "max-age",  "fail-on"};

[[noreturn]] void bad_value(const std::string& key, const nlohmann::json& value, std::string_view expected) {
  throw Error(fmt::format("links.{}: '{}' is not {}", key, value.is_string() ? value.get<std::string>() : dump_json(value), expected));
}

int positive_int(const std::string& key, const nlohmann::json& value, int minimum) {
  if (!value.is_number_integer() || value.get<long long>() < minimum || value.get<long long>() > 100000)
    bad_value(key, value, fmt::format("a whole number >= {}", minimum));
  return value.get<int>();
}

Millis duration(const std::string& key, const nlohmann::json& value) {
  std::optional<Millis> parsed;
  if (value.is_number() && value.get<double>() >= 0) parsed = Millis(static_cast<long long>(std::llround(value.get<double>() * 1000)));
  else if (value.is_string()) parsed = parse_duration(value.get<std::string>());
  if (!parsed) bad_value(key, value, "a duration such as 500ms, 10s or 5m");
  return *parsed;
}

std::string text(const std::string& key, const nlohmann::json& value) {
  if (!value.is_string()) bad_value(key, value, "a string");
  return value.get<std::string>();
}

void apply_section(const nlohmann::json& section, LinksSettings& settings);

}  // namespace

std::optional<Millis> parse_duration(std::string_view text) { return config::parse_duration(text); }

std::optional<FailOn> parse_fail_on(std::string_view text) {
  if (text == "dead") return FailOn::dead;
  if (text == "error") return FailOn::error;
  if (text == "never") return FailOn::never;
  return std::nullopt;
}

void apply_config(const nlohmann::json& section, const std::string& file_name, LinksSettings& settings) {
  try {
    apply_section(section, settings);
  } catch (const Error& e) {
    throw Error(fmt::format("{}: {}", file_name.empty() ? "qbank.yaml" : file_name, e.what()));
  }
}

namespace {

void apply_section(const nlohmann::json& section, LinksSettings& settings) {
  if (section.is_null()) return;
  if (!section.is_object()) throw Error("'links' must be a mapping");
  CheckOptions& check = settings.check;
  for (const auto& [key, value] : section.items()) {
    if (key == "concurrency") check.concurrency = positive_int(key, value, 1);
    else if (key == "per-host") check.per_host = positive_int(key, value, 1);
    else if (key == "retries") check.retries = positive_int(key, value, 0);
    else if (key == "max-redirects") check.max_redirects = positive_int(key, value, 0);
    else if (key == "timeout") check.timeout = duration(key, value);
    else if (key == "total-timeout") check.total_timeout = duration(key, value);
    else if (key == "backoff") check.backoff = duration(key, value);
    else if (key == "retry-after-max") check.retry_after_max = duration(key, value);
    else if (key == "max-age") settings.max_age = std::chrono::duration_cast<std::chrono::seconds>(duration(key, value));
    else if (key == "cache") settings.cache_file = text(key, value);
    else if (key == "body-cap") {
      std::optional<std::uintmax_t> bytes;
      if (value.is_number_unsigned()) bytes = value.get<std::uintmax_t>();
      else if (value.is_string()) bytes = config::parse_byte_size(value.get<std::string>());
      if (!bytes) bad_value(key, value, "a size such as 64KiB");
      check.body_cap = static_cast<std::size_t>(*bytes);
    } else if (key == "allow-private") {
      if (!value.is_boolean()) bad_value(key, value, "true or false");
      check.policy.allow_private = value.get<bool>();
    } else if (key == "exclude") {
      if (value.is_string()) check.policy.exclude_patterns.push_back(value.get<std::string>());
      else if (value.is_array()) {
        for (const auto& item : value) check.policy.exclude_patterns.push_back(text(key, item));
      } else bad_value(key, value, "a regular expression or a list of them");
    } else if (key == "fail-on") {
      auto fail_on = parse_fail_on(text(key, value));
      if (!fail_on) bad_value(key, value, "dead, error or never");
      settings.fail_on = *fail_on;
    } else {
      auto suggestion = config::closest_match(key, k_keys);
      throw Error(fmt::format("unknown key 'links.{}'{}", key,
                              suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion) : ""));
    }
  }
}

}  // namespace

}  // namespace qbank::links
