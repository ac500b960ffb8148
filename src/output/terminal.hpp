// What the terminal gets: colour on a TTY, or with FORCE_COLOR, never with NO_COLOR
// (https://no-color.org) unless --color always; and a one-line progress counter on stderr for
// long work, only when stderr is a TTY.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace qbank::output {

enum class ColorChoice { automatic, always, never };

// For `--color auto|always|never`; throws Error for anything else.
ColorChoice parse_color_choice(const std::string& text);
// always/never as asked; automatic: not with NO_COLOR, yes with FORCE_COLOR (other than
// "0"), not on TERM=dumb, else whether `stream` is a TTY.
bool use_color(ColorChoice choice, std::FILE* stream);

// "\r<label> 120/5000" on stderr, at most every 100 ms, cleared by finish(). Does nothing when
// stderr is not a TTY (CI logs stay clean) or when disabled. Safe to call from many threads.
class Progress {
 public:
  Progress(std::string label, bool enabled);
  ~Progress();
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::string m_label;
  bool m_enabled;
  bool m_shown = false;
  std::mutex m_mutex;
  std::chrono::steady_clock::time_point m_last{};
};

}  // namespace qbank::output
