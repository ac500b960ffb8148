#include "exporters/math_spans.hpp"

namespace qbank::exporters {

namespace {
bool escaped_at(std::string_view text, std::size_t i) {
  std::size_t backslashes = 0;
  while (i > backslashes && text[i - backslashes - 1] == '\\') ++backslashes;
  return backslashes % 2 == 1;
}
}  // namespace

bool needs_protection(std::string_view markdown) {
  if (markdown.find('\x02') != std::string_view::npos || markdown.find('\x03') != std::string_view::npos) return true;
  for (std::size_t i = markdown.find('\\'); i != std::string_view::npos; i = markdown.find('\\', i + 1)) {
    if (i + 1 < markdown.size() && (markdown[i + 1] == '(' || markdown[i + 1] == '[')) return true;
  }
  return false;
}

ProtectedMath protect_math(std::string_view markdown) {
  ProtectedMath result;
  // Each closing delimiter is searched for once: `close_at` remembers where the next one is (or
  // that there is none), so a text of 100k unmatched openers stays linear.
  std::size_t close_at[2] = {0, 0};
  const std::string_view closers[2] = {"\\)", "\\]"};
  std::size_t i = 0;
  while (i < markdown.size()) {
    bool opens = markdown[i] == '\\' && i + 1 < markdown.size() && (markdown[i + 1] == '(' || markdown[i + 1] == '[') &&
                 !escaped_at(markdown, i);
    if (opens) {
      int kind = markdown[i + 1] == '(' ? 0 : 1;
      if (close_at[kind] != std::string_view::npos && close_at[kind] < i + 2)
        close_at[kind] = markdown.find(closers[kind], i + 2);
      std::size_t end = close_at[kind];
      if (end != std::string_view::npos) {
        end += 2;
        result.text += '\x02';
        result.text += std::to_string(result.spans.size());
        result.text += '\x03';
        result.spans.emplace_back(markdown.substr(i, end - i));
        i = end;
        continue;
      }
    }
    if (markdown[i] != '\x02' && markdown[i] != '\x03') result.text += markdown[i];
    ++i;
  }
  return result;
}

}  // namespace qbank::exporters
