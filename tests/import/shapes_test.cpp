// One small document per recognised shape, each with its golden bank and report: what the
// importer recognised, the shape it says each part matched, and what lint says about it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "import_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {

void check_shape(const std::string& name, int expected_exit) {
  TempDir dir;
  auto out = dir.path() / "bank";
  auto doc = "tests/import/fixtures/" + name + ".md";
  auto result = import_markdown({doc}, out);
  INFO(result.out << result.err);
  CHECK(result.err.empty());
  CHECK(result.exit_code == expected_exit);
  check_import_golden(name + ".bank.txt", bank_text(out));
  check_import_golden(name + ".report.txt", with_bank_placeholder(result.out, out));
}

}  // namespace

TEST_CASE("import: numbered list items with bold questions and difficulty markers") { check_shape("numbered-list", 0); }
TEST_CASE("import: bulleted list items, answers on the next line or nested") { check_shape("bulleted-list", 0); }
TEST_CASE("import: question headings with tables, labels, resources and a placeholder kept") { check_shape("headings", 1); }
TEST_CASE("import: bold lines with answers below, an Answer label and a TODO") { check_shape("bold-lines", 1); }
TEST_CASE("import: Q and A pairs, in one paragraph or two, plain or bold") { check_shape("qa-pairs", 0); }
TEST_CASE("import: details blocks with a summary") { check_shape("details", 1); }
TEST_CASE("import: text it cannot place is reported with its line and kept") { check_shape("unplaced", 1); }
TEST_CASE("import: <a id> anchors name the next question, never join an answer, and markdownlint comments are skipped") {
  check_shape("anchors", 0);
}

TEST_CASE("import --format json: each question's shape and line, notes, and each finding's source") {
  TempDir dir;
  auto out = dir.path() / "bank";
  auto result = import_markdown({"tests/import/fixtures/unplaced.md"}, out, {"--format", "json", "--title", "Mixed", "--deck", "Deck"});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 1);
  auto report = nlohmann::json::parse(result.out);
  CHECK(report["import"]["title"] == "Mixed");
  CHECK(report["import"]["deck"] == "Deck");
  CHECK(report["import"]["files"] == nlohmann::json::array({"bank.yaml", "01-algorithms.yaml"}));
  auto question = report["import"]["sections"][0]["questions"][1];
  CHECK(question["id"] == "hash-table");
  CHECK(question["line"] == 10);
  CHECK(question["shape"] == "numbered list item with bold text");
  CHECK(report["import"]["notes"].size() == 4);
  CHECK(report["import"]["notes"][1]["line"] == 13);
  REQUIRE(report["diagnostics"].size() == 1);
  CHECK(report["diagnostics"][0]["rule"] == "empty-answer");
  CHECK(report["diagnostics"][0]["source"] == nlohmann::json({{"file", "tests/import/fixtures/unplaced.md"}, {"line", 9}}));
  CHECK(report["summary"]["errors"] == 1);
  CHECK(read_text(out / "bank.yaml").starts_with("# Imported from Markdown by qbank import; edit freely.\ntitle: Mixed\ndeck: Deck\n"));
}
