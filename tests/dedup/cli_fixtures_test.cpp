// The naive seed fixture: the 40 repeated questions (two sections copied together) found as one
// repeated block (the three reworded ones among them), the 8 URLs listed twice in bank.yaml, and nothing else from the
// dedup rules; the same findings through `qbank lint`.
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

using qbank::test::run_qbank;
using nlohmann::json;

namespace {

const std::string k_dir = "tests/fixtures/seed-naive/";

std::vector<std::string> dedup_findings(const json& diagnostics) {
  static const std::set<std::string> rules{"duplicate-question", "near-duplicate-question", "repeated-section", "duplicate-resource"};
  std::vector<std::string> out;
  for (const auto& d : diagnostics)
    if (rules.count(d["rule"]))
      out.push_back(d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) + " " + d["rule"].get<std::string>());
  return out;
}

const std::vector<std::string> k_expected{
    k_dir + "04-basic.yaml:3 repeated-section",
    k_dir + "bank.yaml:21 duplicate-resource",  // andrewekhalel/MLQuestions
    k_dir + "bank.yaml:23 duplicate-resource",
    k_dir + "bank.yaml:25 duplicate-resource",
    k_dir + "bank.yaml:27 duplicate-resource",  // chiphuyen/ml-interview-handbook (index 11 repeats 7)
    k_dir + "bank.yaml:29 duplicate-resource",
    k_dir + "bank.yaml:31 duplicate-resource",
    k_dir + "bank.yaml:33 duplicate-resource",
    k_dir + "bank.yaml:35 duplicate-resource",  // huyenchip.com/ml-interviews-book/ (index 15 repeats 3)
};

}  // namespace

TEST_CASE("qbank dedup on the naive seed: one repeated block of two sections and eight repeated URLs") {
  auto r = run_qbank({"dedup", "tests/fixtures/seed-naive", "--format", "json"});
  CHECK(r.exit_code == 1);
  json root = json::parse(r.out);
  CHECK(dedup_findings(root["diagnostics"]) == k_expected);
  CHECK(root["pairs"].empty());  // every repeated pair is inside a section

  REQUIRE(root["sections"].size() == 1);
  json block = root["sections"][0];
  CHECK(block["a"] == json{{"file", k_dir + "01-basic.yaml"}, {"first_line", 3}, {"last_file", k_dir + "02-intermediate.yaml"},
                           {"last_line", 62}, {"first_id", "what-is-the-difference-between-supervised-and-unsupervised"},
                           {"last_id", "what-is-log-loss"}});
  CHECK(block["b"]["file"] == k_dir + "04-basic.yaml");
  CHECK(block["b"]["last_file"] == k_dir + "05-intermediate.yaml");
  CHECK(block["questions"] == 40);

  // All 40 pairs, each with the same position on both sides; by our normalisation (case and
  // punctuation folded) "AUC - ROC"/"AUC-ROC" and "random forest"/"Random Forest" are exact,
  // and only "silhouette score"/"the silhouette score" is reworded.
  std::set<std::string> near;
  for (const auto& p : block["pairs"]) {
    CHECK(p["a"]["line"] == p["b"]["line"]);
    if (p["kind"] == "near") near.insert(p["a"]["id"].get<std::string>() + " / " + p["b"]["id"].get<std::string>());
  }
  CHECK(block["pairs"].size() == 40);
  CHECK(near == std::set<std::string>{"what-is-silhouette-score / what-is-the-silhouette-score"});
  for (const auto& p : block["pairs"])
    if (p["a"]["id"] == "what-is-silhouette-score") {
      CHECK(p["answer_score"].is_null());  // copy 1 has no answers: no evidence either way
      CHECK(p["only_in_b"] == json::array());  // "the" is no subject word
    }
}

TEST_CASE("the text report of the naive seed names both copies and the count") {
  auto r = run_qbank({"dedup", "tests/fixtures/seed-naive"});
  CHECK(r.out.find(k_dir + "04-basic.yaml:3:5: error: lines 3-88 of " + k_dir + "04-basic.yaml and 3-62 of " + k_dir +
                   "05-intermediate.yaml repeat lines 3-88 of " + k_dir + "01-basic.yaml and 3-62 of " + k_dir +
                   "02-intermediate.yaml: 40 questions (39 exact, 1 reworded), "
                   "'what-is-the-difference-between-supervised-and-unsupervised' .. 'what-is-log-loss' [repeated-section]\n") !=
        std::string::npos);
  CHECK(r.out.find(k_dir + "bank.yaml:35:10: warning: " + k_dir +
                   "bank.yaml lists 'https://huyenchip.com/ml-interviews-book/' twice [duplicate-resource]\n") != std::string::npos);
}

TEST_CASE("qbank lint reports the same dedup findings") {
  auto r = run_qbank({"lint", "tests/fixtures/seed-naive", "--format", "json"});
  json root = json::parse(r.out);
  CHECK(dedup_findings(root["diagnostics"]) == k_expected);
  auto clean = run_qbank({"lint", "questions", "--format", "json"});
  CHECK(dedup_findings(json::parse(clean.out)["diagnostics"]).empty());
}
