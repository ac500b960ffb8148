// `qbank dedup` end to end: exit codes, formats, --threshold, --against, options from the config.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using qbank::test::run_qbank;
using qbank::test::TempDir;

namespace {

const char* k_section = R"(section: Copies
questions:
  - id: silhouette-again
    question: Explain the silhouette score.
    answer: |
      A metric measuring how similar an object is to its own cluster versus other clusters, ranging from -1 to 1; higher is better.
  - id: roc-again
    question: What is a ROC curve?
    answer: A plot of TPR against FPR.
    resources:
      - https://example.org/roc
      - HTTPS://WWW.example.org/roc/#intro
)";

}  // namespace

TEST_CASE("qbank dedup on the bundled bank finds nothing") {
  auto r = run_qbank({"dedup", "questions"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "No problems in 6 files (100 questions)\n");
  auto j = run_qbank({"dedup", "questions", "--format", "json"});
  auto root = nlohmann::json::parse(j.out);
  CHECK(root["pairs"].empty());
  CHECK(root["sections"].empty());
  CHECK(root["diagnostics"].empty());
}

TEST_CASE("qbank dedup --against compares new content with the bank") {
  TempDir dir;
  auto file = dir.write("new.yaml", k_section);
  auto r = run_qbank({"dedup", file.string(), "--against", "questions", "--format", "json"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);  // the exact copy is an error
  auto root = nlohmann::json::parse(r.out);
  REQUIRE(root["pairs"].size() == 2);
  auto near = root["pairs"][0];
  CHECK(near["kind"] == "near");
  CHECK(near["a"]["id"] == "silhouette-score");
  CHECK(near["a"]["file"] == "questions/02-intermediate.yaml");
  CHECK(near["b"] == nlohmann::json{{"id", "silhouette-again"}, {"file", file.string()}, {"line", 3}});
  CHECK(near["score"].get<double>() >= 0.7);
  // "What is" / "Explain" is the frame, not a difference worth naming.
  CHECK(near["only_in_a"] == nlohmann::json::array());
  CHECK(near["only_in_b"] == nlohmann::json::array());
  auto exact = root["pairs"][1];
  CHECK(exact["kind"] == "exact");
  CHECK(exact["a"]["id"] == "roc-curve");
  CHECK(exact["score"] == 1.0);
  // The duplicate URL in the new question, whatever its spelling.
  bool resource = false;
  for (const auto& d : root["diagnostics"]) resource |= d["rule"] == "duplicate-resource" && d["line"] == 12;
  CHECK(resource);

  // The bank against itself: every pair is old.
  auto same = run_qbank({"dedup", "questions", "--against", "questions", "--threshold", "0.3", "--format", "json"});
  CHECK(nlohmann::json::parse(same.out)["pairs"].empty());
}

TEST_CASE("qbank dedup --threshold and the config set the near-duplicate threshold") {
  auto low = run_qbank({"dedup", "questions", "--threshold", "0.4", "--format", "json"});
  CHECK(low.exit_code == 0);  // near-duplicates are warnings by default
  auto pairs = nlohmann::json::parse(low.out)["pairs"];
  CHECK_FALSE(pairs.empty());
  for (const auto& p : pairs) CHECK(p["score"].get<double>() >= 0.4);

  TempDir dir;
  dir.write("qbank.yaml", "rules:\n  near-duplicate-question: {threshold: 0.4}\n");
  auto config = run_qbank({"dedup", "questions", "--config", (dir.path() / "qbank.yaml").string(), "--format", "json"});
  auto root = nlohmann::json::parse(config.out);
  CHECK(root["pairs"] == pairs);
  CHECK(root["summary"]["threshold"] == 0.4);
  // The command line wins over the config.
  auto both = run_qbank({"dedup", "questions", "--config", (dir.path() / "qbank.yaml").string(), "--threshold", "0.8", "--format", "json"});
  CHECK(nlohmann::json::parse(both.out)["pairs"].empty());
}

TEST_CASE("qbank dedup rejects bad options with exit 2") {
  auto r = run_qbank({"dedup", "questions", "--threshold", "1.5"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "qbank: error: --threshold: threshold must be a number from 0 to 1, not 1.5\n");
  TempDir dir;
  dir.write("bank/a.yaml", k_section);
  dir.write("qbank.yaml", "rules:\n  repeated-section: {min-runs: 4}\n");
  auto bad = run_qbank({"dedup", (dir.path() / "bank").string()});
  CHECK(bad.exit_code == 2);
  // The config loader checks rule options on every command, at their position.
  CHECK_THAT(bad.err, Catch::Contains("qbank.yaml:2:22: unknown key 'rules.repeated-section.min-runs' (did you mean 'min-run'?)"));
  auto lint = run_qbank({"lint", (dir.path() / "bank").string()});
  CHECK(lint.exit_code == 2);
  CHECK(lint.err == bad.err);
  CHECK(run_qbank({"dedup", "questions", "--format", "sarif"}).exit_code == 2);
}
