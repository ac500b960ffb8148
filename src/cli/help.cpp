// qbank help [COMMAND]: the same text as `qbank --help` / `qbank COMMAND --help`, on stdout.
// For the build, packagers and users without an installed copy: --man prints qbank(1),
// --completion SHELL a completion script; both are generated from the command table (docs.hpp).
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/docs.hpp"
#include "cli/usage.hpp"

namespace qbank::cli {

Runner configure_help(CLI::App& command) {
  struct Options {
    std::string command;
    std::string completion;
    bool man = false;
  };
  auto options = std::make_shared<Options>();
  // The names as the type, like choices() shows them (and completions read them), but checked
  // by find_command(), whose message says "unknown command" as for `qbank lnt`.
  std::string names;
  for (const auto& entry : all_commands()) names += (names.empty() ? "" : "|") + std::string(entry.name);
  command.add_option("command", options->command, "Show this command's options")->type_name(names);
  command.add_flag("--man", options->man, "Print the man page (roff), as installed in man1/qbank.1");
  choices(command.add_option("--completion", options->completion, "Print the completion script for this shell"),
          {"bash", "zsh", "fish"});

  const CLI::App& app = *command.get_parent();
  return [options, &app]() {
    std::string text;
    if (options->man) text = man_page(app);
    else if (!options->completion.empty()) text = completion_script(app, options->completion);
    else if (options->command.empty()) text = command_help(app);
    else text = command_help(find_command(app, options->command));
    fmt::print("{}", text);
    return 0;
  };
}

}  // namespace qbank::cli
