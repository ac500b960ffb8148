// One folder per rule id: tests/rules/<id>/{bad.yaml, bad.expected, good.yaml} (or bad/ and
// good/ bank folders, for a rule about folders). With only that
// rule switched on, bad.yaml must print exactly bad.expected and good.yaml nothing. Every id
// that `qbank lint` can report must have a folder, so a new rule cannot land untested.
// QBANK_UPDATE_GOLDEN=1 rewrites the .expected files from the current output.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "lint/lint.hpp"
#include "rules/rule.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using namespace qbank;

namespace {

config::Config only(std::string_view id) {
  config::Config config;
  for (const auto& rule : rules::all_rules()) config.severities[std::string(rule.id)] = Severity::off;
  config.severities[std::string(id)] = rules::find_rule(id)->default_severity;
  return config;
}

std::string diagnostics_text(const fs::path& file, std::string_view id) {
  lint::LintRun run = lint::run_lint({file}, only(id));
  output::RenderContext context;
  std::string text = output::render_text(run.diagnostics, context);
  // Drop the closing summary line: the fixture pins the findings, not the counts.
  auto last = text.rfind('\n', text.size() - 2);
  return last == std::string::npos ? std::string() : text.substr(0, last + 1);
}

}  // namespace

TEST_CASE("every rule lint can report has a fixture folder that behaves") {
  for (const auto& rule : rules::all_rules()) {
    if (rule.stage == rules::Stage::links) continue;  // reported by `qbank links`, tested in tests/links
    std::string id(rule.id);
    DYNAMIC_SECTION(id) {
      fs::path folder = fs::path("tests/rules") / id;
      INFO("fixture folder " << folder);
      // A rule about a bank folder (missing-bank-yaml) has folders bad/ and good/ instead.
      bool folders = fs::is_directory(qbank::test::source_dir() / folder / "bad");
      fs::path bad = folder / (folders ? "bad" : "bad.yaml");
      fs::path good = folder / (folders ? "good" : "good.yaml");
      REQUIRE(fs::exists(qbank::test::source_dir() / bad));
      REQUIRE(fs::exists(qbank::test::source_dir() / good));

      std::string actual = diagnostics_text(bad, id);
      fs::path expected_file = qbank::test::source_dir() / folder / "bad.expected";
      if (std::getenv("QBANK_UPDATE_GOLDEN")) std::ofstream(expected_file, std::ios::binary) << actual;
      CHECK_FALSE(actual.empty());
      CHECK(actual == qbank::test::read_text(expected_file));
      CHECK(diagnostics_text(good, id).empty());
    }
  }
}
