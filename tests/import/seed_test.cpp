// The seed document (../shared/seed/ml-interview-questions.md, where CI lays it out beside the
// repository): every question imported, and lint reporting what the seed is known to contain.
#include <catch2/catch.hpp>

#include "import_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {

const char* k_seed = "../shared/seed/ml-interview-questions.md";

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("import: the seed document, every question and every known defect") {
  if (!std::filesystem::exists(source_dir() / k_seed)) {
    WARN("skipped: the seed document " << k_seed << " is not there (CI puts it beside the repository)");
    return;
  }
  TempDir dir;
  auto out = dir.path() / "seed-bank";
  auto result = import_markdown({k_seed}, out);
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);  // written, and lint found errors in it
  std::string report = with_bank_placeholder(result.out, out);

  // The numbered list of 100 and the repeated block of 40 (41 with the placeholder answer).
  CHECK(report.starts_with("Imported 140 questions in 7 sections"));
  CHECK(count(bank_text(out), "  - id: ") == 140);
  // The repeated block (the first 20 and the next 20 questions again, two sections): one finding.
  CHECK(count(report, "[repeated-section]") == 1);
  // Copy one's questions 21-39 have no answer; 40's answer is the "..." placeholder after it.
  CHECK(count(report, "[empty-answer]") == 19);
  CHECK(count(report, "[placeholder-text]") >= 1);
  CHECK(count(report, "[citation-artifact]") == 6);
  CHECK(count(report, "[resource-title-mismatch]") >= 1);
  CHECK(count(report, "is listed again (first at ../shared/seed/ml-interview-questions.md:") == 8);
  // Every finding carries its line in the Markdown.
  CHECK(count(report, "\nBANK/") == 29);
  CHECK(count(report, "\n    source: ../shared/seed/ml-interview-questions.md:") == 29);

  check_import_golden("seed.bank.txt", bank_text(out));
  check_import_golden("seed.report.txt", report);
}

TEST_CASE("import: --dedupe merges the seed's repeated block, keeping the answered copies") {
  if (!std::filesystem::exists(source_dir() / k_seed)) {
    WARN("skipped: the seed document " << k_seed << " is not there (CI puts it beside the repository)");
    return;
  }
  TempDir dir;
  auto out = dir.path() / "seed-bank";
  auto result = import_markdown({k_seed}, out, {"--dedupe"});
  INFO(result.out << result.err);
  CHECK(count(result.out, "merged (--dedupe), keeping the answered copy") == 39);
  CHECK(count(result.out, "[repeated-section]") == 0);
  // Only "What is silhouette score?" of the first copy stays unanswered: it is no exact repeat.
  CHECK(count(result.out, "[empty-answer]") == 1);
  // "What is silhouette score?" / "What is the silhouette score?" is no exact repeat: lint says so.
  CHECK(count(result.out, "[near-duplicate-question]") == 1);
}
