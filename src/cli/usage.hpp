// Usage errors a user can act on: unknown commands and options are caught before CLI11 parses
// (so they get a did-you-mean), option values are checked against their allowed choices, and
// CLI11's own parse errors are reworded into one line that says where to look.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace qbank::cli {

// Restricts an option to `values`: the help shows them as `a|b|c` (which the man page and the
// shell completions read back), and a wrong value names them all and the nearest one.
CLI::Option* choices(CLI::Option* option, const std::vector<std::string>& values);
// The values choices() gave `option`, or none.
std::vector<std::string> choices_of(const CLI::Option& option);

// Throws Error for an unknown command or option in `args` (argv without the program name),
// with the closest known name.
void check_names(const CLI::App& app, const std::vector<std::string>& args);

// CLI11's message for `error`, with a pointer to the help of the command being parsed.
std::string usage_error_message(const CLI::App& app, const CLI::ParseError& error);

// The visible subcommands of `app`, in table order.
std::vector<const CLI::App*> visible_commands(const CLI::App& app);
// Throws Error "unknown command 'x' (did you mean 'y'?)" unless `name` is one of them.
const CLI::App& find_command(const CLI::App& app, const std::string& name);

}  // namespace qbank::cli
