// qbank rules [ID]: every id a diagnostic can carry, with its default severity and docs.
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "config/suggest.hpp"
#include "core/error.hpp"
#include "core/json_dump.hpp"
#include "lint/lint.hpp"
#include "rules/rule.hpp"

namespace qbank::cli {

namespace {

nlohmann::ordered_json rule_to_json(const rules::Rule& rule) {
  return {{"id", rule.id},
          {"stage", rules::to_string(rule.stage)},
          {"default_severity", to_string(rule.default_severity)},
          {"summary", rule.summary},
          {"doc", rule.doc}};
}

}  // namespace

Runner configure_rules(CLI::App& command) {
  struct Options {
    std::string id;
    std::string format = "text";
  };
  auto options = std::make_shared<Options>();
  command.add_option("id", options->id, "Show this rule's full documentation")->type_name("RULE");
  choices(command.add_option("-f,--format", options->format, "Output format (default: text)"), {"text", "json"});

  return [options]() {
    if (!options->id.empty()) {
      const rules::Rule* rule = rules::find_rule(options->id);
      if (!rule) {
        std::string message = fmt::format("unknown rule '{}'", options->id);
        if (auto close = config::closest_match(options->id, lint::known_rule_ids())) message += fmt::format(" (did you mean '{}'?)", *close);
        throw Error(message);
      }
      if (options->format == "json") {
        fmt::print("{}\n", rule_to_json(*rule).dump(2));
        return 0;
      }
      fmt::print("{} (default: {}; reported by: {})\n\n{}\n\n{}\n", rule->id, to_string(rule->default_severity),
                 rules::to_string(rule->stage), rule->summary, rule->doc);
      return 0;
    }
    if (options->format == "json") {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& rule : rules::all_rules()) list.push_back(rule_to_json(rule));
      fmt::print("{}\n", dump_json(list, 2));
      return 0;
    }
    std::size_t width = 0;
    for (const auto& rule : rules::all_rules()) width = std::max(width, rule.id.size());
    for (const auto& rule : rules::all_rules())
      fmt::print("{:<{}}  {:<7}  {:<6}  {}\n", rule.id, width, to_string(rule.default_severity), rules::to_string(rule.stage), rule.summary);
    fmt::print("\nThe third column says what reports it: loader and schema (reading files), rule and dedup\n"
               "(qbank lint; dedup also by qbank dedup), links (qbank links). Set a severity (off,\n"
               "warning, error) per id in qbank.yaml under 'rules:'; `qbank rules ID` shows the details.\n");
    return 0;
  };
}

}  // namespace qbank::cli
