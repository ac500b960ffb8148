// THE list of subcommands; `qbank --help` shows them in this order.
#include <array>

#include "cli/command.hpp"
#include "cli/commands.hpp"

namespace qbank::cli {

namespace {

const std::array k_commands{
    Command{"lint", "Validate question files against the schema and run every lint rule", configure_lint},
    Command{"dedup", "Find duplicate and near-duplicate questions, repeated sections and URLs", configure_dedup},
    Command{"links", "Check every resource URL and write a dead-link report", configure_links},
    Command{"export", "Export a bank to Anki (.apkg or text), CSV or Markdown", configure_export},
    Command{"import", "Import Markdown question documents into a new bank folder, then lint it", configure_import},
    Command{"rules", "List the lint rules, or show one rule's documentation", configure_rules},
    Command{"help", "Show the help of qbank or of one command", configure_help},
};

}  // namespace

std::span<const Command> all_commands() { return k_commands; }

}  // namespace qbank::cli
