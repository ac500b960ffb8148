#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/command.hpp"

namespace qbank::cli {

int run(int argc, char** argv) {
  CLI::App app{"qbank: lint, deduplicate, link-check and export question banks kept as YAML.\n"
               "Exit status: 0 clean, 1 findings at error severity, 2 usage error or unreadable input.",
               "qbank"};
  app.set_version_flag("-V,--version", std::string("qbank ") + QBANK_VERSION);
  app.require_subcommand(1, 1);
  app.footer("Run 'qbank <command> --help' for a command's options. Docs: README.md.");

  std::map<const CLI::App*, Runner> runners;
  for (const auto& command : all_commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    runners[sub] = command.configure(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // CLI11's own codes are not ours: every usage error is 2
  }
  for (const CLI::App* sub : app.get_subcommands()) return runners.at(sub)();
  return 2;
}

}  // namespace qbank::cli
