// Issue 12's hostile inputs through the built binary, every command: each ends with a
// diagnostic or a tool error instead of looping, exhausting memory or crashing the JSON
// output. A regression shows as a CTest timeout (no timing assertions here; the speed and
// memory figures are in tests/bench/README.md).
#include <algorithm>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using qbank::test::run_process;
using qbank::test::run_qbank;
using qbank::test::TempDir;

namespace {

const char* k_bank_yaml = "title: T\ndeck: D\n";

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::string one_question(std::string_view question_literal) {
  return "section: S\nquestions:\n  - id: q\n    question: " + std::string(question_literal) + "\n    answer: A.\n";
}

}  // namespace

TEST_CASE("a one-byte ',' file ends every command with a yaml-syntax error") {
  for (std::string input : {",", ",-\n.......", " ,\n\n \n"}) {
    INFO(input);
    TempDir dir;
    dir.write("bank/bank.yaml", k_bank_yaml);
    auto file = dir.write("bank/01.yaml", input).string();
    auto lint = run_qbank({"lint", file});
    CHECK(lint.exit_code == 1);
    CHECK(lint.out.find("unexpected ',' where a YAML document should start [yaml-syntax]") != std::string::npos);
    std::string bank = (dir.path() / "bank").string();
    CHECK(run_qbank({"dedup", bank}).exit_code == 1);
    CHECK(run_qbank({"export", "markdown", bank, "-o", (dir.path() / "out.md").string()}).exit_code == 1);
    // links has nothing to check here; it must finish (its exit status is about links).
    auto links = run_qbank({"links", bank, "--no-cache"});
    CHECK((links.exit_code == 0 || links.exit_code == 1));
  }
}

TEST_CASE("a one-byte ',' qbank.yaml is a config error") {
  TempDir dir;
  dir.write("bank/bank.yaml", k_bank_yaml);
  dir.write("bank/qbank.yaml", ",");
  auto result = run_qbank({"lint", (dir.path() / "bank").string()});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("qbank.yaml:1:1: unexpected ','") != std::string::npos);
}

// The issue's file has 249k items (747k diagnostics); a tenth shows the cap as well and stays
// quick under the sanitizers. tests/bench/bench_hostile.sh measures the full size.
TEST_CASE("25k empty items: 100 diagnostics per rule and one summary, not 75k") {
  TempDir dir;
  auto file = dir.write("big.yaml", "section: x\nquestions: [" + repeat("{}, ", 24999) + "{}]\n").string();
  auto result = run_qbank({"lint", file});
  CHECK(result.exit_code == 1);
  CHECK(result.out.find(file + ":2:13: error: question #1: missing required field 'id' [schema]") != std::string::npos);
  CHECK(result.out.find("error: and 74,900 more like this [schema]") != std::string::npos);
  CHECK(std::count(result.out.begin(), result.out.end(), '\n') < 400);
  auto json = nlohmann::json::parse(run_qbank({"lint", file, "--format", "json"}).out);
  CHECK(json["diagnostics"].size() == 101);
}

TEST_CASE("findings of a rule over the limit are summarised per file") {
  TempDir dir;
  dir.write("bank/bank.yaml", k_bank_yaml);
  std::string questions;
  for (int i = 0; i < 150; ++i) questions += "  - id: q" + std::to_string(i) + "\n    question: Q" + std::to_string(i) + "?\n    answer: ''\n";
  auto file = dir.write("bank/01.yaml", "section: S\nquestions:\n" + questions).string();
  auto result = run_qbank({"lint", (dir.path() / "bank").string(), "--format", "json"});
  CHECK(result.exit_code == 1);
  auto json = nlohmann::json::parse(result.out);
  std::size_t empty_answer = 0;
  std::string last;
  for (const auto& d : json["diagnostics"])
    if (d["rule"] == "empty-answer") {
      ++empty_answer;
      last = d["message"];
    }
  CHECK(empty_answer == 101);
  CHECK(last == "and 50 more like this");
}

TEST_CASE("a yaml-cpp message with half a UTF-8 character renders as JSON and SARIF") {
  TempDir dir;
  auto file = dir.write("bad.yaml", "a: \"\\\xC3\xA9\"\n").string();
  for (std::string format : {"json", "sarif"}) {
    auto result = run_qbank({"lint", file, "--format", format});
    CHECK(result.exit_code == 1);
    CHECK_NOTHROW(nlohmann::json::parse(result.out));
    CHECK(result.out.find("yaml-syntax") != std::string::npos);
  }
}

TEST_CASE("a links config that is not UTF-8 is a config error, not a crash") {
  TempDir dir;
  dir.write("bank/bank.yaml", k_bank_yaml);
  dir.write("bank/qbank.yaml", "links:\n  timeout: \"\xC3\"\n");
  auto result = run_qbank({"links", (dir.path() / "bank").string(), "--format", "json", "--no-cache"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("invalid UTF-8 (byte 0xC3)") != std::string::npos);
}

TEST_CASE("a 5 MB unknown key in qbank.yaml is a config error without a suggestion") {
  TempDir dir;
  dir.write("bank/bank.yaml", k_bank_yaml);
  dir.write("bank/qbank.yaml", "? " + std::string(5 << 20, 'k') + "\n: 1\n");  // explicit: implicit keys stop at 1024
  auto result = run_qbank({"lint", (dir.path() / "bank").string()});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("unknown section") != std::string::npos);
  CHECK(result.err.find("did you mean") == std::string::npos);
}

TEST_CASE("Markdown cmark-gfm would take minutes over is a markdown-limit error, and export --force finishes") {
  // 100k unmatched "\(" (23.5 s in export anki before) and nested list markers followed by
  // brackets (70 KB: 21 s in cmark-gfm).
  for (std::string question : {"\"" + repeat("\\\\(", 100000) + "\"", "\"" + repeat("- ", 12000) + repeat("[", 46000) + "\""}) {
    TempDir dir;
    dir.write("bank/bank.yaml", k_bank_yaml);
    dir.write("bank/01.yaml", one_question(question));
    std::string bank = (dir.path() / "bank").string();
    auto lint = run_qbank({"lint", bank});
    CHECK(lint.exit_code == 1);
    CHECK(lint.out.find("question 'q': the question is") != std::string::npos);
    CHECK(lint.out.find("[markdown-limit]") != std::string::npos);
    for (std::string format : {"anki", "anki-text", "markdown"}) {
      INFO(format);
      CHECK(run_qbank({"export", format, bank, "-o", (dir.path() / ("out." + format)).string(), "--force"}).exit_code == 0);
    }
    CHECK(run_qbank({"links", bank, "--no-cache"}).exit_code == 0);
  }
}
