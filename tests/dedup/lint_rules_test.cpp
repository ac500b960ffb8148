// The dedup rules inside the lint pipeline: one finder run per bank for the three question
// rules, options read from the config together, and each run's findings its own.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "lint/lint.hpp"
#include "support/temp_dir.hpp"

using namespace qbank;

namespace {

std::vector<std::string> dedup_lines(const lint::LintRun& run) {
  std::vector<std::string> out;
  for (const auto& d : run.diagnostics)
    if (d.rule == "duplicate-question" || d.rule == "near-duplicate-question" || d.rule == "repeated-section")
      out.push_back(d.where.file + ":" + std::to_string(d.where.line) + " " + d.rule);
  return out;
}

const char* k_two = "section: S\nquestions:\n"
                    "  - id: a\n    question: What is entropy?\n    answer: Impurity.\n"
                    "  - id: b\n    question: What is ENTROPY?\n    answer: Impurity.\n";

}  // namespace

TEST_CASE("lint runs the dedup rules bank by bank, each run on what the bank holds") {
  test::TempDir dir;
  auto first = dir.write("one/a.yaml", k_two);
  config::Config config;
  auto run = lint::run_lint({first}, config);
  CHECK(dedup_lines(run) == std::vector<std::string>{first.string() + ":7 duplicate-question"});
  // The same content again, then changed content: each run reports what the bank holds now.
  CHECK(dedup_lines(lint::run_lint({first}, config)) == dedup_lines(run));
  dir.write("one/a.yaml", std::string(k_two) + "  - id: c\n    question: Explain entropy.\n    answer: Impurity.\n");
  auto changed = lint::run_lint({first}, config);
  CHECK(dedup_lines(changed) ==
        std::vector<std::string>{first.string() + ":7 duplicate-question", first.string() + ":10 near-duplicate-question"});
  dir.write("one/a.yaml", std::string(k_two) + "  - id: c\n    question: Explain entropy.\n    answer: Impurity.\n    distinct-from: [a, b]\n");
  CHECK(dedup_lines(lint::run_lint({first}, config)) == std::vector<std::string>{first.string() + ":7 duplicate-question"});
}

TEST_CASE("lint takes the dedup options from the config and rejects bad ones") {
  test::TempDir dir;
  auto file = dir.write("a.yaml", std::string(k_two) + "  - id: c\n    question: Explain entropy.\n    answer: Impurity.\n");
  config::Config config;
  config.rule_options["near-duplicate-question"] = {{"threshold", 1.0}};
  // "Explain entropy." scores 1.0 (same words, same answer): still reported at threshold 1.
  CHECK(dedup_lines(lint::run_lint({file}, config)).size() == 2);
  config.rule_options["near-duplicate-question"] = {{"threshold", 2}};
  CHECK_THROWS_AS(lint::run_lint({file}, config), Error);
  config.rule_options.clear();
  config.rule_options["duplicate-question"] = {{"threshold", 0.5}};
  CHECK_THROWS_WITH(lint::run_lint({file}, config), "rules.duplicate-question: unknown option 'threshold' (this rule has no options)");
}

TEST_CASE("lint reads both dedup options together, and repeated-section off reports the pairs one by one") {
  test::TempDir dir;
  std::string block;
  for (int i = 0; i < 4; ++i)
    block += "  - id: q" + std::to_string(i) + "\n    question: What is topic" + "abcd"[i] + " zeta?\n    answer: Answer " + "abcd"[i] +
             ".\n";
  auto a = dir.write("b/a.yaml", "section: A\nquestions:\n" + block);
  std::string copy = block;
  for (std::size_t at = copy.find("id: q"); at != std::string::npos; at = copy.find("id: q", at + 1)) copy.replace(at, 5, "id: r");
  dir.write("b/b.yaml", "section: B\nquestions:\n" + copy);
  config::Config config;
  auto lines = dedup_lines(lint::run_lint({dir.path() / "b"}, config));
  REQUIRE(lines.size() == 1);  // one repeated section of 4
  CHECK(lines[0].ends_with("repeated-section"));
  config.rule_options["repeated-section"] = {{"min-run", 5}};  // a block of 4 is no longer a section
  CHECK(dedup_lines(lint::run_lint({dir.path() / "b"}, config)).size() == 4);
  config.rule_options.clear();
  config.severities["repeated-section"] = Severity::off;  // off: its pairs come back one by one
  CHECK(dedup_lines(lint::run_lint({dir.path() / "b"}, config)).size() == 4);
}
