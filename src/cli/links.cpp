// qbank links: not built yet; its issue is open.
#include "cli/commands.hpp"
#include "core/error.hpp"

namespace qbank::cli {

Runner configure_links(CLI::App& command) {
  command.footer("Not available yet.");
  return []() -> int { throw Error("'qbank links' is not available in this build yet"); };
}

}  // namespace qbank::cli
