// qbank.yaml: severities, options, limits; mistakes are errors with a position and a hint.
#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "config/suggest.hpp"
#include "core/error.hpp"
#include "lint/lint.hpp"
#include "support/temp_dir.hpp"

using namespace qbank;

namespace {
config::Config parse(const std::string& text) { return config::parse_config(text, "qbank.yaml", lint::known_rule_ids()); }

std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("rule severities and options") {
  auto config = parse("rules:\n  placeholder-text: warning\n  empty-answer: off\n  near-duplicate-question: {severity: error, threshold: 0.9}\n");
  CHECK(config.severity_of("placeholder-text", Severity::error) == Severity::warning);
  CHECK(config.severity_of("empty-answer", Severity::error) == Severity::off);
  CHECK(config.severity_of("near-duplicate-question", Severity::warning) == Severity::error);
  CHECK(config.options_of("near-duplicate-question")["threshold"] == 0.9);
  CHECK(config.severity_of("schema", Severity::error) == Severity::error);  // untouched: default
}

TEST_CASE("an unknown rule is an error with its position and a suggestion") {
  CHECK(error_of("rules:\n  placeholder-txt: off\n") ==
        "qbank.yaml:2:3: unknown rule 'placeholder-txt' (did you mean 'placeholder-text'?); `qbank rules` lists them");
}

TEST_CASE("bad severities, sections and limits are errors") {
  CHECK(error_of("rules:\n  schema: fatal\n") == "qbank.yaml:2:11: severity 'fatal' is not off, warning or error");
  // A typo of a severity, plain or in the mapping form, gets a did-you-mean like every other key.
  CHECK(error_of("rules:\n  placeholder-text: offf\n") ==
        "qbank.yaml:2:21: severity 'offf' is not off, warning or error (did you mean 'off'?)");
  CHECK(error_of("rules:\n  placeholder-text: {severity: eror}\n") ==
        "qbank.yaml:2:32: severity 'eror' is not off, warning or error (did you mean 'error'?)");
  CHECK(error_of("rulez: {}\n") == "qbank.yaml:1:1: unknown section 'rulez' (did you mean 'rules'?)");
  CHECK(error_of("limits:\n  max-file-size: lots\n") == "qbank.yaml:2:18: max-file-size must be a size such as 16MiB or 500000");
  CHECK(error_of("limits: {max-depth: 2}\n").find("max-depth must be") != std::string::npos);
}

TEST_CASE("limits and stage sections") {
  auto config = parse("limits: {max-file-size: 2MiB, max-depth: 32}\nlinks: {concurrency: 8}\n");
  CHECK(config.max_file_bytes == 2u << 20);
  CHECK(config.max_depth == 32);
  CHECK(config.stage("links")["concurrency"] == 8);
  CHECK(config.stage("dedup").empty());
}

TEST_CASE("byte sizes") {
  CHECK(config::parse_byte_size("16MiB") == (16u << 20));
  CHECK(config::parse_byte_size("500 KB") == 500000u);
  CHECK(config::parse_byte_size("1000") == 1000u);
  CHECK_FALSE(config::parse_byte_size("MiB"));
  CHECK_FALSE(config::parse_byte_size("12 parsecs"));
}

TEST_CASE("did-you-mean only suggests near names") {
  CHECK(config::closest_match("tilte", {"title", "url"}) == "title");
  CHECK_FALSE(config::closest_match("summary", {"title", "url"}));
}

TEST_CASE("qbank.yaml is found beside the bank, or given with --config") {
  test::TempDir dir;
  dir.write("questions/a.yaml", "section: A\nquestions: []\n");
  dir.write("qbank.yaml", "rules: {schema: warning}\n");
  auto found = config::load_config(std::nullopt, {dir.path() / "questions"}, lint::known_rule_ids());
  CHECK(found.severity_of("schema", Severity::error) == Severity::warning);
  CHECK_THROWS_AS(config::load_config(dir.path() / "nope.yaml", {}, lint::known_rule_ids()), Error);
}

TEST_CASE("every section's keys and values are checked when the file is read, at their position") {
  CHECK(error_of("links:\n  retry: 2\n") == "qbank.yaml:2:3: unknown key 'links.retry' (did you mean 'retries'?)");
  CHECK(error_of("export: {boom: true}\n") == "qbank.yaml:1:10: unknown key 'export.boom' (did you mean 'bom'?)");
  CHECK(error_of("dedup:\n  threshold: 0.9\n") ==
        "qbank.yaml:2:3: unknown key 'dedup.threshold' (set threshold under rules.near-duplicate-question and min-run under "
        "rules.repeated-section)");
  CHECK(error_of("links:\n  fail-on: sometimes\n") == "qbank.yaml:2:12: links.fail-on: 'sometimes' is not dead, error or never");
  CHECK(error_of("rules:\n  schema: {threshold: 1}\n") ==
        "qbank.yaml:2:12: unknown key 'rules.schema.threshold' (this rule has no options)");
  CHECK(error_of("rules:\n  near-duplicate-question: {threshold: 2}\n") ==
        "qbank.yaml:2:40: rules.near-duplicate-question.threshold: '2' is not a number from 0 to 1");
  CHECK(error_of("links:\n  exclude: ['(unclosed']\n") ==
        "qbank.yaml:2:12: links.exclude: '[\"(unclosed\"]' is not a list of valid regular expressions: pattern '(unclosed' is not a valid "
        "regular expression (ECMAScript; no back-references): Mismatched '(' and ')' in regular expression");
  auto config = parse("links:\n  cache: c.json\n  exclude: ['a']\nexport: {bom: true}\n");
  CHECK(config.key_locations.at("links.cache").line == 2);
}

TEST_CASE("allow-private is refused in a found qbank.yaml and honoured in a named one") {
  test::TempDir dir;
  dir.write("questions/a.yaml", "section: A\nquestions: []\n");
  auto file = dir.write("qbank.yaml", "links:\n  allow-private: true\n");
  CHECK_THROWS_WITH(config::load_config(std::nullopt, {dir.path() / "questions"}, lint::known_rule_ids()),
                    Catch::Contains("qbank.yaml:2:18: links.allow-private is honoured only on the command line"));
  CHECK(config::load_config(file, {}, lint::known_rule_ids()).stage("links")["allow-private"] == true);
}
