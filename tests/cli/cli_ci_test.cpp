// The options a CI job and an editor reach for: --quiet, --max-warnings/--strict, `-` for
// stdin, github annotations chosen by GITHUB_ACTIONS, and the colour switches (--color beats
// NO_COLOR, FORCE_COLOR honoured).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using qbank::test::read_text;
using qbank::test::run_qbank;
using qbank::test::TempDir;

namespace {

// One warning (resource-title-mismatch) and nothing else.
const char* k_warning_section =
    "section: S\n"
    "questions:\n"
    "  - id: a\n"
    "    question: What is it?\n"
    "    answer: A thing.\n"
    "    resources:\n"
    "      - url: https://github.com/pandas-dev/pandas\n"
    "        title: numpy/numpy\n";

const char* k_error_section = "section: S\nquestions:\n  - id: a\n    question: What?\n    answer: TBD\n";

std::string bank(const TempDir& dir, const char* section) {
  dir.write("b/bank.yaml", "title: T\ndeck: D\n");
  dir.write("b/01.yaml", section);
  return (dir.path() / "b").string();
}

}  // namespace

TEST_CASE("lint and dedup --quiet print the findings and nothing else") {
  TempDir dir;
  auto path = bank(dir, k_error_section);
  auto loud = run_qbank({"lint", path});
  auto quiet = run_qbank({"lint", path, "--quiet"});
  CHECK(quiet.exit_code == 1);
  CHECK(loud.out.find("Found 1 error") != std::string::npos);
  CHECK(quiet.out == loud.out.substr(0, loud.out.find("Found 1 error")));
  CHECK(quiet.err.empty());
  auto clean = run_qbank({"lint", "questions/", "-q"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
  auto dedup = run_qbank({"dedup", "questions/", "--quiet"});
  CHECK(dedup.exit_code == 0);
  CHECK(dedup.out.empty());
}

TEST_CASE("lint --max-warnings N and --strict make warnings fail") {
  TempDir dir;
  auto path = bank(dir, k_warning_section);
  auto plain = run_qbank({"lint", path});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.find("[resource-title-mismatch]") != std::string::npos);
  CHECK(run_qbank({"lint", path, "--max-warnings", "1"}).exit_code == 0);
  auto over = run_qbank({"lint", path, "--max-warnings", "0"});
  CHECK(over.exit_code == 1);
  CHECK(over.err == "qbank: 1 warning, more than --max-warnings 0 allows\n");
  auto strict = run_qbank({"lint", path, "--strict"});
  CHECK(strict.exit_code == 1);
  CHECK(strict.err == "qbank: 1 warning, more than --strict allows\n");
  CHECK(run_qbank({"lint", "questions/", "--strict"}).exit_code == 0);
  CHECK(run_qbank({"lint", path, "--max-warnings", "-1"}).exit_code == 2);
}

TEST_CASE("dedup --strict fails on a near duplicate which is a warning") {
  TempDir dir;
  dir.write("b/bank.yaml", "title: T\ndeck: D\n");
  dir.write("b/01.yaml",
            "section: S\nquestions:\n"
            "  - id: a\n    question: What is the silhouette score?\n"
            "    answer: How similar a point is to its own cluster versus other clusters, from -1 to 1.\n"
            "  - id: b\n    question: Explain silhouette score.\n"
            "    answer: How similar a point is to its own cluster compared with other clusters, from -1 to 1.\n");
  auto path = (dir.path() / "b").string();
  auto plain = run_qbank({"dedup", path});
  REQUIRE(plain.out.find("warning:") != std::string::npos);
  CHECK(plain.exit_code == 0);
  CHECK(run_qbank({"dedup", path, "--strict"}).exit_code == 1);
}

TEST_CASE("lint - reads stdin named <stdin> or by --stdin-filename") {
  auto result = run_qbank({"lint", "-"}, k_error_section);
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("<stdin>:5:13: error: question 'a': placeholder text 'TBD' in the answer [placeholder-text]") !=
        std::string::npos);
  CHECK(result.out.find("qbank-stdin") == std::string::npos);  // the temp file is never shown
  auto named = run_qbank({"lint", "-", "--stdin-filename", "questions/07-new.yaml", "--format", "json"}, k_error_section);
  CHECK(named.exit_code == 1);
  CHECK(nlohmann::json::parse(named.out)["diagnostics"][0]["file"] == "questions/07-new.yaml");
  auto clean = run_qbank({"lint", "-"}, "section: S\nquestions:\n  - id: a\n    question: What?\n    answer: That.\n");
  CHECK(clean.exit_code == 0);
  // stdin cannot be fixed in place or mixed with files
  CHECK(run_qbank({"lint", "-", "--fix"}, k_error_section).err == "qbank: error: --fix cannot rewrite stdin; lint the file itself\n");
  CHECK(run_qbank({"lint", "-", "questions/"}, k_error_section).err == "qbank: error: '-' (stdin) must be the only PATH\n");
}

TEST_CASE("stdin uses the qbank.yaml of --stdin-filename's folder") {
  TempDir dir;
  auto path = bank(dir, k_error_section);
  dir.write("b/qbank.yaml", "rules:\n  placeholder-text: off\n");
  CHECK(run_qbank({"lint", "-", "--stdin-filename", path + "/02.yaml"}, k_error_section).exit_code == 0);
  CHECK(run_qbank({"lint", "-"}, k_error_section).exit_code == 1);
}

TEST_CASE("GITHUB_ACTIONS=true picks --format github unless --format is given") {
  TempDir dir;
  auto path = bank(dir, k_error_section);
  auto actions = run_qbank({"lint", path}, {}, {{"GITHUB_ACTIONS", "true"}});
  CHECK(actions.exit_code == 1);
  CHECK(actions.out.rfind("::error file=", 0) == 0);
  CHECK(run_qbank({"lint", path, "--format", "text"}, {}, {{"GITHUB_ACTIONS", "true"}}).out.rfind(path, 0) == 0);
  CHECK(run_qbank({"lint", path}, {}, {{"GITHUB_ACTIONS", "false"}}).out.rfind(path, 0) == 0);
  CHECK(run_qbank({"lint", path}).out.rfind(path, 0) == 0);
  // dedup has annotations too; rules has no github format and is unaffected
  CHECK(run_qbank({"dedup", "questions/"}, {}, {{"GITHUB_ACTIONS", "true"}}).out.empty());
  CHECK(run_qbank({"rules"}, {}, {{"GITHUB_ACTIONS", "true"}}).out.find("placeholder-text") != std::string::npos);
}

TEST_CASE("colour: --color beats the environment and FORCE_COLOR colours a pipe and NO_COLOR wins over it") {
  TempDir dir;
  auto path = bank(dir, k_error_section);
  auto colored = [&](std::vector<std::string> args, std::map<std::string, std::string> env) {
    args.insert(args.begin(), {"lint", path});
    env.emplace("NO_COLOR", "<unset>");
    return run_qbank(args, {}, env).out.find("\x1b[") != std::string::npos;
  };
  CHECK_FALSE(colored({}, {}));  // a pipe
  CHECK(colored({"--color", "always"}, {{"NO_COLOR", "1"}}));
  CHECK_FALSE(colored({"--color", "never"}, {{"FORCE_COLOR", "1"}}));
  CHECK(colored({}, {{"FORCE_COLOR", "1"}}));
  CHECK_FALSE(colored({}, {{"FORCE_COLOR", "0"}}));
  CHECK_FALSE(colored({}, {{"FORCE_COLOR", "1"}, {"NO_COLOR", "1"}}));
}

TEST_CASE("a report written with -o is never coloured") {
  TempDir dir;
  auto path = bank(dir, k_error_section);
  auto report = dir.path() / "report.txt";
  run_qbank({"lint", path, "-o", report.string()}, {}, {{"FORCE_COLOR", "1"}});
  CHECK(read_text(report).find("\x1b[") == std::string::npos);
}
