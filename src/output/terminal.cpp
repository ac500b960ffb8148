#include "output/terminal.hpp"

#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank::output {

ColorChoice parse_color_choice(const std::string& text) {
  if (text == "auto") return ColorChoice::automatic;
  if (text == "always") return ColorChoice::always;
  if (text == "never") return ColorChoice::never;
  throw Error(fmt::format("--color must be auto, always or never, not '{}'", text));
}

bool use_color(ColorChoice choice, std::FILE* stream) {
  // An explicit --color beats the environment: the user asked this command for it.
  if (choice != ColorChoice::automatic) return choice == ColorChoice::always;
  auto set = [](const char* name) -> const char* {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : nullptr;
  };
  if (set("NO_COLOR")) return false;  // https://no-color.org
  // https://force-color.org; FORCE_COLOR=0 means no colour, as Node.js tools read it.
  if (const char* force = set("FORCE_COLOR")) return std::string_view(force) != "0";
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(::fileno(stream)) != 0;
}

Progress::Progress(std::string label, bool enabled) : m_label(std::move(label)), m_enabled(enabled && ::isatty(STDERR_FILENO) != 0) {}

Progress::~Progress() { finish(); }

void Progress::update(std::size_t done, std::size_t total) {
  if (!m_enabled) return;
  std::lock_guard lock(m_mutex);
  auto now = std::chrono::steady_clock::now();
  if (done != total && now - m_last < std::chrono::milliseconds(100)) return;
  m_last = now;
  fmt::print(stderr, "\r{} {}/{}", m_label, done, total);
  std::fflush(stderr);
  m_shown = true;
}

void Progress::finish() {
  std::lock_guard lock(m_mutex);
  if (!m_shown) return;
  fmt::print(stderr, "\r\x1b[K");
  std::fflush(stderr);
  m_shown = false;
}

}  // namespace qbank::output
