// qbank's entry point: a thin shell over the CLI table. Tool failures (qbank::Error) are
// printed once here and exit 2; content problems never get here, they are diagnostics.
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  try {
    return qbank::cli::run(argc, argv);
  } catch (const qbank::Errors& errors) {
    for (const auto& message : errors.messages) fmt::print(stderr, "qbank: error: {}\n", message);
    return 2;
  } catch (const qbank::Error& error) {
    fmt::print(stderr, "qbank: error: {}\n", error.what());
    return 2;
  } catch (const std::exception& error) {
    // Last resort: a bug, or the system refusing memory. Still a clear message and exit 2.
    fmt::print(stderr, "qbank: error: internal error: {}\n", error.what());
    return 2;
  }
}
