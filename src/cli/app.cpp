// Builds the CLI11 app from the command table, checks names before CLI11 sees them (so an
// unknown command or option gets a did-you-mean), parses and runs. Every usage error becomes a
// qbank::Error, which main() prints as `qbank: error: …` with exit 2, like every other failure.
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/usage.hpp"
#include "core/error.hpp"

namespace qbank::cli {

void build_app(CLI::App& app, std::map<const CLI::App*, Runner>& runners) {
  app.name("qbank");
  app.description(
      "qbank: lint, deduplicate, link-check and export question banks kept as YAML.\n"
      "Exit status: 0 clean, 1 findings at error severity, 2 usage error or unreadable input.");
  app.set_version_flag("-V,--version", std::string("qbank ") + QBANK_VERSION);
  app.require_subcommand(0, 1);
  app.footer("Run 'qbank help COMMAND' or 'qbank COMMAND --help' for a command's options. Docs: README.md.");
  for (const auto& command : all_commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    runners[sub] = command.configure(*sub);
  }
}

int run(int argc, char** argv) {
  CLI::App app;
  std::map<const CLI::App*, Runner> runners;
  build_app(app, runners);

  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    // Like ruff and git: no command is a usage error, so the help goes where errors go.
    fmt::print(stderr, "{}", app.help());
    return 2;
  }
  check_names(app, args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    throw Error(usage_error_message(app, e));
  }
  for (const CLI::App* sub : app.get_subcommands()) return runners.at(sub)();
  fmt::print(stderr, "{}", app.help());  // only options such as --color before any command
  return 2;
}

}  // namespace qbank::cli
