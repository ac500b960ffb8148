// Regular expressions that come from untrusted files (qbank.yaml's links.exclude, --exclude).
// std::regex is a backtracking engine with recursive matching: a pattern such as (a+)+$ takes
// exponential time, a{999999999999} overflows its repeat counter, and large counted
// repetitions make automata of hundreds of thousands of states. So a user pattern is
// compiled only if it is short and its counted repetitions stay small, and always in
// libstdc++'s polynomial mode (breadth-first matching: time linear in the subject for a given
// pattern, no back-references). Every place that compiles a user pattern goes through here.
#pragma once

#include <regex>
#include <string>
#include <string_view>

namespace qbank {

inline constexpr std::size_t max_user_pattern_bytes = 512;
// The product of all {m,n} bounds in one pattern (a bound on how far counted repetition can
// multiply the automaton).
inline constexpr unsigned long max_user_pattern_repetition = 1000;

// Compiles `pattern` (ECMAScript syntax, searched anywhere); throws qbank::Error with a
// message saying what is wrong (not a valid regular expression, too long, repeats too much,
// back-references).
std::regex compile_user_pattern(std::string_view pattern);

}  // namespace qbank
