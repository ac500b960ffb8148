#include "dedup/options.hpp"

#include <fmt/format.h>

#include "config/suggest.hpp"
#include "core/error.hpp"
#include "dedup/report.hpp"

namespace qbank::dedup {

namespace {

std::vector<std::string> allowed_keys(std::string_view rule_id) {
  if (rule_id == k_near_duplicate) return {"threshold"};
  if (rule_id == k_repeated_section) return {"min-run"};
  return {};
}

}  // namespace

double checked_threshold(double value, const std::string& what) {
  if (!(value >= 0.0 && value <= 1.0)) throw Error(fmt::format("{}: threshold must be a number from 0 to 1, not {}", what, value));
  return value;
}

void validate_options(const char* rule_id, const nlohmann::json& options) {
  if (options.is_null()) return;
  if (!options.is_object()) throw Error(fmt::format("rules.{}: options must be a mapping", rule_id));
  auto allowed = allowed_keys(rule_id);
  for (const auto& [key, value] : options.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string message = fmt::format("rules.{}: unknown option '{}'", rule_id, key);
      if (auto near = config::closest_match(key, allowed)) message += fmt::format(" (did you mean '{}'?)", *near);
      else message += allowed.empty() ? " (this rule has no options)" : fmt::format(" (options: {})", fmt::join(allowed, ", "));
      throw Error(message);
    }
    if (key == "threshold") {
      if (!value.is_number()) throw Error(fmt::format("rules.{}: threshold must be a number from 0 to 1", rule_id));
      checked_threshold(value.get<double>(), "rules." + std::string(rule_id));
    }
    if (key == "min-run" && (!value.is_number_integer() || value.get<long long>() < 2 || value.get<long long>() > 1000000))
      throw Error(fmt::format("rules.{}: min-run must be a whole number of at least 2", rule_id));
  }
}

Settings settings_from(const nlohmann::json& near_options, const nlohmann::json& run_options) {
  validate_options(k_near_duplicate, near_options);
  validate_options(k_repeated_section, run_options);
  Settings settings;
  if (near_options.is_object() && near_options.contains("threshold")) settings.threshold = near_options["threshold"].get<double>();
  if (run_options.is_object() && run_options.contains("min-run"))
    settings.min_run = static_cast<std::size_t>(run_options["min-run"].get<long long>());
  return settings;
}

}  // namespace qbank::dedup
