#include "cli/usage.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "config/suggest.hpp"
#include "core/error.hpp"

namespace qbank::cli {

namespace {

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
  auto close = config::closest_match(name, candidates);
  return close ? fmt::format(" (did you mean '{}'?)", *close) : std::string();
}

// Every spelling a command accepts for its options: --long and -s names, and --help/-h.
void option_names(const CLI::App& command, std::vector<std::string>& longs, std::string& shorts) {
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) longs.push_back("--" + name);
    for (const auto& name : option->get_snames()) shorts += name;
  }
}

bool is_number(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-' && (std::isdigit(static_cast<unsigned char>(arg[1])) || arg[1] == '.');
}

// Checks one option-looking argument against `command`; `where` names it in the message.
void check_option(const CLI::App& command, const std::string& arg, const std::string& where) {
  std::vector<std::string> longs;
  std::string shorts;
  option_names(command, longs, shorts);
  if (arg.starts_with("--")) {
    std::string name = arg.substr(0, arg.find('='));
    if (std::find(longs.begin(), longs.end(), name) != longs.end()) return;
    throw Error(fmt::format("unknown option '{}' for '{}'{}; '{} --help' lists them", name, where, did_you_mean(name, longs), where));
  }
  if (shorts.find(arg[1]) != std::string::npos) return;
  throw Error(fmt::format("unknown option '-{}' for '{}'; '{} --help' lists them", arg[1], where, where));
}

}  // namespace

CLI::Option* choices(CLI::Option* option, const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& value : values) joined += (joined.empty() ? "" : "|") + value;
  CLI::Validator validator(
      [values](std::string& input) -> std::string {
        if (std::find(values.begin(), values.end(), input) != values.end()) return {};
        std::string list;
        for (const auto& value : values) list += (list.empty() ? "" : ", ") + value;
        return fmt::format("'{}' is not one of {}{}", input, list, did_you_mean(input, values));
      },
      "", "choices");
  return option->type_name(joined)->check(validator);
}

std::vector<std::string> choices_of(const CLI::Option& option) {
  std::vector<std::string> values;
  std::string type = option.get_type_name();
  if (type.find('|') == std::string::npos) return values;
  std::size_t start = 0;
  while (start <= type.size()) {
    std::size_t end = type.find('|', start);
    if (end == std::string::npos) end = type.size();
    values.push_back(type.substr(start, end - start));
    start = end + 1;
  }
  return values;
}

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

const CLI::App& find_command(const CLI::App& app, const std::string& name) {
  std::vector<std::string> names;
  for (const CLI::App* sub : visible_commands(app)) {
    if (sub->get_name() == name) return *sub;
    names.push_back(sub->get_name());
  }
  throw Error(fmt::format("unknown command '{}'{}; 'qbank help' lists them", name, did_you_mean(name, names)));
}

void check_names(const CLI::App& app, const std::vector<std::string>& args) {
  std::size_t i = 0;
  for (; i < args.size() && args[i].starts_with("-") && args[i] != "-"; ++i) {
    if (args[i] == "--") return;
    check_option(app, args[i], "qbank");
  }
  if (i == args.size()) return;
  const CLI::App* command = &find_command(app, args[i]);
  std::string where = "qbank " + command->get_name();
  for (++i; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return;  // everything after it is a PATH, even if it starts with '-'
    if (arg.size() < 2 || arg[0] != '-' || is_number(arg)) {
      // A nested command (`qbank import markdown`): its options are checked from here on.
      for (const CLI::App* sub : visible_commands(*command))
        if (sub->get_name() == arg) {
          command = sub;
          where += " " + arg;
        }
      continue;
    }
    check_option(*command, arg, where);
  }
}

std::string usage_error_message(const CLI::App& app, const CLI::ParseError& error) {
  std::string message = error.what();
  while (!message.empty() && (message.back() == '\n' || message.back() == '.')) message.pop_back();
  std::string where = "qbank";
  for (const CLI::App* sub : app.get_subcommands()) where += " " + sub->get_name();
  return fmt::format("{} (see '{} --help')", message, where);
}

}  // namespace qbank::cli
