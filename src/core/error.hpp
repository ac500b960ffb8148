// Tool failures (unreadable path, bad config, unknown format, unwritable output). Content
// problems are never errors: they are Diagnostics. Only main() catches Error, prints
// "qbank: error: <what>" and exits 2.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace qbank {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Several failures found in one pass (every mistake in a qbank.yaml, not only the first): what()
// holds them one per line, and main() prints each as its own "qbank: error:" line.
struct Errors : Error {
  explicit Errors(std::vector<std::string> each) : Error(joined(each)), messages(std::move(each)) {}
  std::vector<std::string> messages;

 private:
  static std::string joined(const std::vector<std::string>& each) {
    std::string out;
    for (const auto& m : each) out += (out.empty() ? "" : "\n") + m;
    return out;
  }
};

// Collects failures so that a check can go on past the first.
class ErrorList {
 public:
  void add(const Error& error) {
    if (const auto* several = dynamic_cast<const Errors*>(&error))
      m_messages.insert(m_messages.end(), several->messages.begin(), several->messages.end());
    else
      m_messages.emplace_back(error.what());
  }
  // Throws what was collected: one Error, or Errors for several.
  void throw_if_any() const {
    if (m_messages.size() == 1) throw Error(m_messages.front());
    if (m_messages.size() > 1) throw Errors(m_messages);
  }

 private:
  std::vector<std::string> m_messages;
};

}  // namespace qbank
