// Machine-readable reports as other tools read them: `qbank rules ID --format json`, SARIF as
// GitHub code scanning needs it (repository-relative URIs, rule docs and help links), and the
// links json report with the same `diagnostics` and rule ids as lint and dedup.
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using qbank::test::run_process;
using qbank::test::run_qbank;
using qbank::test::source_dir;
using qbank::test::TempDir;

TEST_CASE("qbank rules ID --format json is that rule as an object like one entry of the list") {
  auto one = run_qbank({"rules", "placeholder-text", "--format", "json"});
  CHECK(one.exit_code == 0);
  auto rule = nlohmann::json::parse(one.out);
  CHECK(rule["id"] == "placeholder-text");
  CHECK(rule["default_severity"] == "error");
  CHECK(rule["doc"].get<std::string>().find("TODO") != std::string::npos);
  auto list = nlohmann::json::parse(run_qbank({"rules", "--format", "json"}).out);
  bool found = false;
  for (const auto& entry : list) found = found || entry == rule;
  CHECK(found);
  CHECK(run_qbank({"rules", "placeholder-txt", "--format", "json"}).exit_code == 2);
}

TEST_CASE("SARIF: rules carry fullDescription and helpUri and URIs are relative to the repository root") {
  TempDir dir;
  // A repository with the bank in a sub-folder, linted from another sub-folder by absolute path.
  std::filesystem::create_directories(dir.path() / "repo/.git");
  dir.write("repo/content/bank/bank.yaml", "title: T\ndeck: D\n");
  dir.write("repo/content/bank/01 basics.yaml", "section: S\nquestions:\n  - id: a\n    question: What?\n    answer: TBD\n");
  std::filesystem::create_directories(dir.path() / "repo/tools");
  auto bank = (dir.path() / "repo/content/bank").string();
  auto result = run_process({"/bin/sh", "-c", "cd \"$1/repo/tools\" && exec \"$2\" lint \"$3\" --format sarif", "sh",
                             dir.path().string(), QBANK_BINARY, bank});
  CHECK(result.exit_code == 1);
  auto sarif = nlohmann::json::parse(result.out);
  const auto& run = sarif["runs"][0];
  const auto& location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(location["uri"] == "content/bank/01%20basics.yaml");
  CHECK(location["uriBaseId"] == "%SRCROOT%");
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + (dir.path() / "repo").string() + "/");
  auto docs = nlohmann::json::parse(run_qbank({"rules", "--format", "json"}).out);
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == docs.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    INFO(rules[i]["id"]);
    CHECK(rules[i]["id"] == docs[i]["id"]);
    CHECK(rules[i]["shortDescription"]["text"] == docs[i]["summary"]);
    CHECK(rules[i]["fullDescription"]["text"] == docs[i]["doc"]);
    CHECK(rules[i]["helpUri"] == "https://qbank.dev/rules/" + docs[i]["id"].get<std::string>());
  }
  CHECK(rules[run["results"][0]["ruleIndex"].get<int>()]["id"] == "placeholder-text");
}

TEST_CASE("SARIF: a file outside the repository gets an absolute file: URI") {
  TempDir dir;
  dir.write("bank/bank.yaml", "title: T\ndeck: D\n");
  dir.write("bank/01.yaml", "section: S\nquestions:\n  - id: a\n    question: What?\n    answer: TBD\n");
  // Run from the source tree (a git checkout or not: the temp folder is outside it either way).
  auto result = run_qbank({"lint", (dir.path() / "bank").string(), "--format", "sarif"});
  auto location = nlohmann::json::parse(result.out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(location["uri"] == "file://" + (dir.path() / "bank/01.yaml").string());
  CHECK_FALSE(location.contains("uriBaseId"));
}

TEST_CASE("links --format json has diagnostics and a rule per link like lint and dedup") {
  TempDir dir;
  dir.write("b/bank.yaml", "title: T\ndeck: D\n");
  // A loopback URL is refused by policy (no request is made): blocked-link, a warning.
  dir.write("b/01.yaml",
            "section: S\nquestions:\n  - id: a\n    question: What?\n    answer: See <http://127.0.0.1:9/x>.\n");
  auto result = run_qbank({"links", (dir.path() / "b").string(), "--format", "json", "--no-cache"});
  CHECK(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["links"].size() == 1);
  CHECK(json["links"][0]["status"] == "blocked");
  CHECK(json["links"][0]["rule"] == "blocked-link");
  REQUIRE(json["diagnostics"].size() == 1);
  const auto& d = json["diagnostics"][0];
  CHECK(d["rule"] == "blocked-link");
  CHECK(d["severity"] == "warning");
  CHECK(d["line"] == 5);
  CHECK(d["file"] == (dir.path() / "b/01.yaml").string());
  CHECK(json["summary"]["warnings"] == 1);
  CHECK(json["summary"]["errors"] == 0);
  // The config's severities apply, as they do to lint's diagnostics.
  dir.write("b/qbank.yaml", "rules:\n  blocked-link: error\n");
  auto configured = nlohmann::json::parse(run_qbank({"links", (dir.path() / "b").string(), "--format", "json"}).out);
  CHECK(configured["diagnostics"][0]["severity"] == "error");
}
