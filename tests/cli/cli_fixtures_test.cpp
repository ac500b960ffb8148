// The fixture banks through the real binary, compared with golden output: the bundled bank is
// clean, and the naive conversion of the raw seed document gives exactly the findings in
// tests/fixtures/golden/seed-naive.lint.txt (every repeated question, empty answer, placeholder, citation
// token and bad URL). QBANK_UPDATE_GOLDEN=1 rewrites the golden file.
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>

#include "support/process.hpp"

using qbank::test::read_text;
using qbank::test::run_qbank;
using qbank::test::source_dir;

TEST_CASE("the naive seed conversion gives exactly the golden findings") {
  auto result = run_qbank({"lint", "tests/fixtures/seed-naive", "--color", "never"});
  CHECK(result.exit_code == 1);
  auto golden = source_dir() / "tests/fixtures/golden/seed-naive.lint.txt";
  if (std::getenv("QBANK_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << result.out;
  CHECK(result.out == read_text(golden));
}

TEST_CASE("the bundled bank is clean in every format") {
  CHECK(run_qbank({"lint", "questions"}).exit_code == 0);
  CHECK(run_qbank({"lint", "questions", "--format", "github"}).out.empty());
  auto json = run_qbank({"lint", "questions", "--format", "json"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"diagnostics\": []") != std::string::npos);
}
