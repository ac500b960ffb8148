#include "core/user_pattern.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/untrusted_text.hpp"

namespace qbank {
namespace {

// What std::regex cannot be trusted with, found before it parses the pattern.
struct PatternShape {
  // The product of the counted-repetition bounds ({m}, {m,}, {m,n}: the larger number),
  // max+1 as soon as it passes max.
  unsigned long repetition = 1;
  // \1...: refused anyway, but std::regex first reads its number into a long without an
  // overflow check.
  bool back_reference = false;
};

// Escaped braces and braces in a bracket expression are literal and skipped. A brace that
// does not start a valid bound is left to std::regex.
PatternShape shape_of(std::string_view pattern) {
  PatternShape shape;
  unsigned long& product = shape.repetition;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      if (i + 1 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
        shape.back_reference = true;
        return shape;
      }
      ++i;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      continue;
    }
    if (c == '[') {
      in_class = true;
      continue;
    }
    if (c != '{') continue;
    unsigned long largest = 0;
    unsigned long number = 0;
    bool digits = false;
    std::size_t j = i + 1;
    for (; j < pattern.size(); ++j) {
      char d = pattern[j];
      if (d >= '0' && d <= '9') {
        digits = true;
        // Saturate instead of overflowing: anything past the limit is refused anyway.
        number = number > max_user_pattern_repetition ? number : number * 10 + static_cast<unsigned long>(d - '0');
      } else if (d == ',') {
        largest = std::max(largest, number);
        number = 0;
      } else {
        break;
      }
    }
    if (!digits) continue;
    largest = std::max(largest, number);
    product *= std::max(largest, 1UL);
    if (product > max_user_pattern_repetition) {
      product = max_user_pattern_repetition + 1;
      return shape;
    }
  }
  return shape;
}

}  // namespace

std::regex compile_user_pattern(std::string_view pattern) {
  // Cut at 80 bytes (maybe inside a character), so made valid UTF-8 again for messages and JSON.
  std::string shown = "'" + text::valid_utf8(untrusted::strip_control_characters(pattern.substr(0, 80))) + "'";
  if (pattern.size() > max_user_pattern_bytes)
    throw Error(fmt::format("pattern {}... is too long ({} bytes, at most {})", shown, pattern.size(),
                            max_user_pattern_bytes));
  PatternShape shape = shape_of(pattern);
  if (shape.back_reference)
    throw Error(fmt::format("pattern {} is not a valid regular expression here: no back-references (\\ and a digit)",
                            shown));
  if (shape.repetition > max_user_pattern_repetition)
    throw Error(fmt::format("pattern {} repeats too much: its {{m,n}} counts multiply past {}", shown,
                            max_user_pattern_repetition));
  try {
    return std::regex(std::string(pattern),
                      std::regex::ECMAScript | std::regex::optimize | std::regex_constants::__polynomial);
  } catch (const std::regex_error& e) {
    throw Error(fmt::format("pattern {} is not a valid regular expression (ECMAScript; no back-references): {}",
                            shown, e.what()));
  }
}

}  // namespace qbank
