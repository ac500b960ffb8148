// The configure() functions of the subcommands, one file each.
#pragma once

#include "cli/command.hpp"

namespace qbank::cli {

Runner configure_lint(CLI::App& command);
Runner configure_dedup(CLI::App& command);
Runner configure_links(CLI::App& command);
Runner configure_export(CLI::App& command);
Runner configure_import(CLI::App& command);
Runner configure_rules(CLI::App& command);
Runner configure_help(CLI::App& command);

}  // namespace qbank::cli
