// The command table: each subcommand is one entry (name, summary, configure) in commands.cpp,
// implemented in its own file. configure() adds the subcommand's options to CLI11 and returns
// the function that runs it after parsing; that function returns the exit code (0/1/2).
#pragma once

#include <functional>
#include <span>
#include <string_view>

#include <CLI/CLI.hpp>

namespace qbank::cli {

using Runner = std::function<int()>;

struct Command {
  std::string_view name;
  std::string_view summary;
  Runner (*configure)(CLI::App& command);
};

std::span<const Command> all_commands();

// Builds the app from the table, parses, runs. Throws Error for tool failures.
int run(int argc, char** argv);

}  // namespace qbank::cli
