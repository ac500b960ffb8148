#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "core/error.hpp"
#include "core/user_pattern.hpp"

using qbank::compile_user_pattern;

TEST_CASE("a user pattern is searched as an ECMAScript regular expression") {
  auto pattern = compile_user_pattern(R"(^https?://(www\.)?example\.(com|org)/)");
  CHECK(std::regex_search(std::string("https://www.example.org/a"), pattern));
  CHECK_FALSE(std::regex_search(std::string("https://example.net/"), pattern));
  CHECK(std::regex_search(std::string("x{3}"), compile_user_pattern(R"(x\{3\})")));  // escaped braces are literal
  CHECK(std::regex_search(std::string("a{"), compile_user_pattern("[{]")));
}

TEST_CASE("a pattern that would make std::regex overflow, blow up or backtrack is refused with its reason") {
  // The fuzzer's find: a repeat count past long's range (signed overflow inside libstdc++).
  CHECK_THROWS_WITH(compile_user_pattern("a{9999999999999999999999}"), Catch::Contains("repeats too much"));
  CHECK_THROWS_WITH(compile_user_pattern("(a{40}){40}"), Catch::Contains("repeats too much"));
  CHECK_THROWS_WITH(compile_user_pattern("a{2,5000}"), Catch::Contains("repeats too much"));
  CHECK_NOTHROW(compile_user_pattern("(a{10}){100}"));
  CHECK_THROWS_WITH(compile_user_pattern(std::string(600, 'a')), Catch::Contains("too long"));
  CHECK_THROWS_WITH(compile_user_pattern("(a)\\1"), Catch::Contains("no back-references"));
  CHECK_THROWS_WITH(compile_user_pattern("(a)\\44444444444444444444444"), Catch::Contains("no back-references"));
  CHECK_THROWS_WITH(compile_user_pattern("(unclosed"), Catch::Contains("not a valid regular expression"));
  CHECK_THROWS_AS(compile_user_pattern("(unclosed"), qbank::Error);
}

TEST_CASE("nested quantifiers match in polynomial time (breadth-first, not backtracking)") {
  // With the default (backtracking) executor this takes 2^40 steps; polynomial mode answers
  // at once. A hang here shows as the CTest timeout.
  auto pattern = compile_user_pattern("^(a+)+$");
  CHECK_FALSE(std::regex_search(std::string(40, 'a') + "!", pattern));
  CHECK(std::regex_search(std::string(40, 'a'), pattern));
}
