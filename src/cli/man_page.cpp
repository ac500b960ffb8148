// qbank(1): the top-level help, then each command's --help verbatim in a no-fill block, then
// the sections a man page is expected to have. Verbatim help keeps it exact and in sync.
#include <fmt/format.h>

#include "cli/docs.hpp"
#include "cli/usage.hpp"

namespace qbank::cli {

namespace {

// Text as roff shows it literally: backslashes and '-' escaped (a plain '-' may become a
// hyphen, which breaks copying an option), and a leading '.' or '\'' not read as a request.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

}  // namespace

std::string command_help(const CLI::App& command) {
  // CLI11 shows a subcommand with its parents' names ("qbank lint"). Its formatter is called
  // directly: App::help() would print the help of whichever subcommand was parsed (`help`).
  std::string name = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent; parent = parent->get_parent()) name = parent->get_name() + " " + name;
  return command.get_formatter()->make_help(&command, name, CLI::AppFormatMode::Normal);
}

std::string man_page(const CLI::App& app) {
  std::string out;
  out += fmt::format(".TH QBANK 1 \"\" \"qbank {}\" \"User Commands\"\n", QBANK_VERSION);
  out += ".SH NAME\nqbank \\- lint, deduplicate, link\\-check and export question banks kept as YAML\n";
  out += ".SH SYNOPSIS\n.B qbank\n.I COMMAND\n.RI [ OPTIONS ]\n.br\n.B qbank help\n.RI [ COMMAND ]\n";
  out += ".SH DESCRIPTION\n.nf\n" + roff(command_help(app)) + ".fi\n";
  out += ".SH COMMANDS\n";
  for (const CLI::App* command : visible_commands(app)) {
    out += fmt::format(".SS \"qbank {}\"\n.nf\n{}.fi\n", command->get_name(), roff(command_help(*command)));
    for (const CLI::App* sub : visible_commands(*command))  // nested commands, e.g. `qbank import markdown`
      out += fmt::format(".SS \"qbank {} {}\"\n.nf\n{}.fi\n", command->get_name(), sub->get_name(), roff(command_help(*sub)));
  }
  out += ".SH EXIT STATUS\n"
         "0: no findings at error severity; 1: findings at error severity (or more warnings than\n"
         "\\-\\-max\\-warnings allows); 2: a usage error or unreadable input.\n";
  out += ".SH ENVIRONMENT\n"
         ".TP\n.B NO_COLOR\nno colour unless \\-\\-color always.\n"
         ".TP\n.B FORCE_COLOR\ncolour even when the output is not a terminal (NO_COLOR wins over it).\n"
         ".TP\n.B GITHUB_ACTIONS\nwhen \"true\" and no \\-\\-format is given, findings are GitHub annotations.\n"
         ".TP\n.B SOURCE_DATE_EPOCH\nthe export time stamped into exported files.\n";
  out += ".SH FILES\n.TP\n.B qbank.yaml\nthe configuration, looked up beside the bank (see the README).\n";
  out += ".SH SEE ALSO\nThe README (installed in /usr/share/doc/qbank) and `qbank rules ID`.\n";
  return out;
}

}  // namespace qbank::cli
