// Tool failures (unreadable path, bad config, unknown format, unwritable output). Content
// problems are never errors: they are Diagnostics. Only main() catches Error, prints
// "qbank: error: <what>" and exits 2.
#pragma once

#include <stdexcept>
#include <string>

namespace qbank {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace qbank
