// Documents generated from the CLI itself, so they cannot drift from it: the man page (the
// help of every command) and shell completions (every command, option and choice). Built into
// the build tree by `qbank help --man` / `--completion SHELL` and installed by cmake --install.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace qbank::cli {

// The help `qbank CMD --help` prints, for `command` of `app` (or the app itself).
std::string command_help(const CLI::App& command);

// qbank(1) in roff (man(7) macros).
std::string man_page(const CLI::App& app);

// A completion script for bash, zsh or fish; throws Error for another shell.
std::string completion_script(const CLI::App& app, std::string_view shell);

}  // namespace qbank::cli
