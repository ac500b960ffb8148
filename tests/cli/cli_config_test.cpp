// qbank.yaml as a user meets it: found the same way however the bank's path is spelled (and
// up to the repository root), checked whole on every command with file:line:col and a
// did-you-mean, and unable to switch off protections or write outside the repository.
#include <filesystem>

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using qbank::test::ProcessResult;
using qbank::test::read_text;
using qbank::test::run_process;
using qbank::test::run_qbank;
using qbank::test::TempDir;

namespace {

// `cd DIR && qbank ARGS...`, through sh only for the cd.
ProcessResult run_qbank_in(const fs::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", dir.string(), QBANK_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv);
}

// A repository with content/ml/{qbank.yaml, questions/}; the config turns placeholder-text off.
struct Repo {
  TempDir dir;
  fs::path questions;
  Repo() {
    fs::create_directories(dir.path() / ".git");
    dir.write("content/ml/qbank.yaml", "rules:\n  placeholder-text: off\n");
    dir.write("content/ml/questions/bank.yaml", "title: ML\ndeck: ML\n");
    questions = dir.write("content/ml/questions/01.yaml",
                          "section: Basics\nquestions:\n  - id: pca\n    question: What is PCA?\n    answer: TBD\n")
                    .parent_path();
  }
};

}  // namespace

TEST_CASE("the config is the same however the bank's path is spelled") {
  Repo repo;
  for (const auto& [cwd, path] : std::vector<std::pair<fs::path, std::string>>{
           {repo.questions, "."},
           {repo.questions, "./"},
           {repo.questions, "01.yaml"},
           {repo.questions / "..", "questions"},
           {repo.questions / "..", "../ml/questions"},
           {repo.questions / "..", "./questions/01.yaml"},
           {repo.dir.path(), "content/ml/questions/"}}) {
    INFO("cd " << cwd << " && qbank lint " << path);
    auto result = run_qbank_in(cwd, {"lint", path});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("placeholder-text") == std::string::npos);
  }
}

TEST_CASE("the config is looked up to the repository root, and not above it") {
  Repo repo;
  fs::remove(repo.dir.path() / "content/ml/qbank.yaml");
  repo.dir.write("qbank.yaml", "rules:\n  placeholder-text: off\n");  // at the root, beside .git
  CHECK(run_qbank_in(repo.questions, {"lint", "."}).exit_code == 0);

  // A qbank.yaml above the repository belongs to something else.
  fs::create_directories(repo.dir.path() / "content/.git");
  auto result = run_qbank_in(repo.questions, {"lint", "."});
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("[placeholder-text]") != std::string::npos);
}

TEST_CASE("a typo anywhere in qbank.yaml fails every command, at its line, with a did-you-mean") {
  Repo repo;
  repo.dir.write("content/ml/qbank.yaml", "rules:\n  placeholder-text: off\nlinks:\n  retry: 2\n");
  for (const char* command : {"lint", "dedup", "links", "export"}) {
    INFO(command);
    std::vector<std::string> args{command, "."};
    if (std::string(command) == "export") args = {"export", "csv", ".", "-o", "-"};
    auto result = run_qbank_in(repo.questions, args);
    CHECK(result.exit_code == 2);
    CHECK(result.err == "qbank: error: ../qbank.yaml:4:3: unknown key 'links.retry' (did you mean 'retries'?)\n");
  }
  repo.dir.write("content/ml/qbank.yaml", "export:\n  boom: true\n");
  auto result = run_qbank_in(repo.questions, {"lint", "."});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "qbank: error: ../qbank.yaml:2:3: unknown key 'export.boom' (did you mean 'bom'?)\n");
  repo.dir.write("content/ml/qbank.yaml", "links:\n  timeout: soon\n");
  result = run_qbank_in(repo.questions, {"dedup", "."});
  CHECK(result.err == "qbank: error: ../qbank.yaml:2:12: links.timeout: 'soon' is not a duration such as 500ms, 10s or 5m\n");
  repo.dir.write("content/ml/qbank.yaml", "rules:\n  near-duplicate-question: {treshold: 0.9}\n");
  result = run_qbank_in(repo.questions, {"links", "."});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "qbank: error: ../qbank.yaml:2:29: unknown key 'rules.near-duplicate-question.treshold' (did you mean "
                      "'threshold'?)\n");
}

TEST_CASE("every mistake in qbank.yaml is reported, each on its own line, not only the first") {
  Repo repo;
  repo.dir.write("content/ml/qbank.yaml",
                 "links:\n  retry: 2\n  timeout: soon\nexport: {boom: true}\nrules:\n  schemaa: off\n  placeholder-text: eror\n"
                 "limits: {max-depth: 2}\nfoo: 1\n");
  auto result = run_qbank_in(repo.questions, {"lint", "."});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "qbank: error: ../qbank.yaml:2:3: unknown key 'links.retry' (did you mean 'retries'?)\n"
        "qbank: error: ../qbank.yaml:3:12: links.timeout: 'soon' is not a duration such as 500ms, 10s or 5m\n"
        "qbank: error: ../qbank.yaml:4:10: unknown key 'export.boom' (did you mean 'bom'?)\n"
        "qbank: error: ../qbank.yaml:6:3: unknown rule 'schemaa' (did you mean 'schema'?); `qbank rules` lists them\n"
        "qbank: error: ../qbank.yaml:7:21: severity 'eror' is not off, warning or error (did you mean 'error'?)\n"
        "qbank: error: ../qbank.yaml:8:21: max-depth must be a whole number from 4 to 1000\n"
        "qbank: error: ../qbank.yaml:9:1: unknown section 'foo'\n");
}

TEST_CASE("a YAML mistake in qbank.yaml is explained too") {
  Repo repo;
  repo.dir.write("content/ml/qbank.yaml", "links:\n  exclude: *example\n");
  auto result = run_qbank_in(repo.questions, {"lint", "."});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("../qbank.yaml:2:12: a value that starts with '*' is read as a YAML alias") != std::string::npos);
  CHECK(result.err.find("put the value in quotes: exclude: \"*example\"") != std::string::npos);
}
