// Each renderer on one fixed, sorted list of diagnostics, compared byte for byte with a golden
// file in tests/fixtures/golden/. QBANK_UPDATE_GOLDEN=1 rewrites them from the current output.
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "output/render.hpp"
#include "support/process.hpp"

using namespace qbank;

namespace {

Diagnostic make(SourceLocation where, std::string rule, Severity severity, std::string message, std::string hint = {}) {
  Diagnostic d;
  d.where = std::move(where);
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

std::vector<Diagnostic> sample() {
  std::vector<Diagnostic> list;
  list.push_back(make({"questions/02-intermediate.yaml", 41, 5}, "schema", Severity::error,
                      "question 'pca': missing required field 'answer'", "expected a mapping with 'id', 'question' and 'answer'"));
  list.push_back(make({"questions/01-basic.yaml", 88, 9}, "duplicate-id", Severity::error,
                      "duplicate id 'pca' (first used at questions/02-intermediate.yaml:41)"));
  Related first_use;
  first_use.where = {"questions/02-intermediate.yaml", 41, 9};
  first_use.message = "'pca' first used here";
  list.back().related.push_back(first_use);
  list.push_back(make({"questions/my folder/03,x.yaml", 7, 13}, "placeholder-text", Severity::warning,
                      "question 'tbd': placeholder text 'TBD' in the answer", "replace the placeholder: 100% of it"));
  list.push_back(make({"questions/big.yaml", 0, 0}, "input-limit", Severity::error, "file is 20000000 bytes, over the limit"));
  sort_diagnostics(list);
  return list;
}

output::RenderContext context(bool color = false) {
  output::RenderContext c;
  c.color = color;
  // A fixed rule table (SARIF's), so the golden file changes when the renderer does, not when a
  // rule is added or its documentation edited; tests/cli checks the real table.
  c.rules = {{"input-limit", "files over the size limit", Severity::error, "Files larger than the limit are not read."},
             {"schema", "a JSON Schema violation", Severity::error, "Every violation of the JSON Schema.\n\nFix the field."},
             {"duplicate-id", "two questions with one id", Severity::error, "Ids are identities: keep them unique."},
             {"placeholder-text", "TODO, TBD and friends", Severity::error, "Placeholders are not answers."}};
  c.summary = {6, 100};
  return c;
}

void check_golden(const std::string& name, const std::string& actual) {
  auto path = test::source_dir() / "tests/fixtures/golden" / name;
  if (std::getenv("QBANK_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << actual;
  INFO("golden file " << path);
  CHECK(actual == test::read_text(path));
}

}  // namespace

TEST_CASE("diagnostics sort by file, line, column, rule") {
  auto list = sample();
  CHECK(list[0].where.file == "questions/01-basic.yaml");
  CHECK(list[1].where.file == "questions/02-intermediate.yaml");
  CHECK(list[2].where.file == "questions/big.yaml");
  CHECK(list[3].where.file == "questions/my folder/03,x.yaml");
}

TEST_CASE("text") { check_golden("sample.txt", output::render_text(sample(), context())); }
TEST_CASE("text in colour") { check_golden("sample.color.txt", output::render_text(sample(), context(true))); }
TEST_CASE("text with nothing to report") { CHECK(output::render_text({}, context()) == "No problems in 6 files (100 questions)\n"); }
TEST_CASE("json") { check_golden("sample.json", output::render_json(sample(), context())); }
TEST_CASE("github") { check_golden("sample.github.txt", output::render_github(sample(), context())); }
TEST_CASE("sarif") { check_golden("sample.sarif", output::render_sarif(sample(), context())); }

TEST_CASE("json is valid and counts by severity") {
  auto json = nlohmann::json::parse(output::render_json(sample(), context()));
  CHECK(json["diagnostics"].size() == 4);
  CHECK(json["summary"]["errors"] == 3);
  CHECK(json["summary"]["warnings"] == 1);
  CHECK(json["summary"]["questions"] == 100);
}

TEST_CASE("sarif has what GitHub code scanning requires") {
  auto sarif = nlohmann::json::parse(output::render_sarif(sample(), context()));
  CHECK(sarif["version"] == "2.1.0");
  const auto& run = sarif["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "qbank");
  for (const auto& result : run["results"]) {
    const auto& region = result["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"].get<int>() >= 1);  // GitHub rejects 0
    CHECK(run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
  }
  CHECK(run["results"][3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "questions/my%20folder/03%2Cx.yaml");
}
