// The inputs of issue 12 that hung qbank, blew up its memory or crashed its JSON output, at
// library level: each must now give a diagnostic or a tool error, quickly (a hang fails the
// test by CTest's timeout; there is no timing assertion).
#include <algorithm>

#include <catch2/catch.hpp>
#include <yaml-cpp/exceptions.h>

#include "bank/loader.hpp"
#include "bank/yaml_document.hpp"
#include "config/config.hpp"
#include "config/suggest.hpp"
#include "core/diagnostic_limit.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "output/render.hpp"

using namespace qbank;

namespace {

bank::LoadedFile load(const std::string& content) { return bank::load_document("f.yaml", content, false, {}); }

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::size_t count_rule(const std::vector<Diagnostic>& diagnostics, std::string_view rule) {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.rule == rule; }));
}

}  // namespace

TEST_CASE("input where yaml-cpp makes no progress is a yaml-syntax error, not an endless loop") {
  for (std::string input : {",", ",-\n.......", " ,\n\n \n"}) {
    INFO(input);
    CHECK_THROWS_AS(bank::YamlDocument::parse(input), YAML::ParserException);
    auto file = load(input);
    REQUIRE(file.diagnostics.size() == 1);
    CHECK(file.diagnostics[0].rule == "yaml-syntax");
    CHECK(file.diagnostics[0].message == "unexpected ',' where a YAML document should start");
  }
  CHECK(load(",").diagnostics[0].where == SourceLocation{"f.yaml", 1, 1});
  CHECK(load(" ,\n\n \n").diagnostics[0].where == SourceLocation{"f.yaml", 1, 2});
  // Several real documents still parse (and are reported as such by the loader).
  CHECK(bank::YamlDocument::parse("a: 1\n---\nb: 2\n---\n").document_count() == 3);
}

TEST_CASE("a qbank.yaml where yaml-cpp makes no progress is a tool error") {
  CHECK_THROWS_WITH(config::parse_config(",", "qbank.yaml", {}),
                    "qbank.yaml:1:1: unexpected ',' where a YAML document should start");
}

TEST_CASE("a file of many empty items gives 100 schema diagnostics and one summary") {
  // 20,000 items x 3 missing fields: 60,000 findings of one rule in one file.
  auto file = load("section: x\nquestions: [" + repeat("{}, ", 19999) + "{}]\n");
  REQUIRE(file.diagnostics.size() == k_diagnostic_limit + 1);
  const Diagnostic& summary = file.diagnostics.back();
  CHECK(summary.rule == "schema");
  CHECK(summary.message == "and 59,900 more like this");
  CHECK(folded_count(summary) == 59900);
  CHECK(folded_count(file.diagnostics[0]) == 0);
  // The parts are validated separately, but item numbers and positions are the whole file's.
  CHECK(file.diagnostics[0].message.starts_with("question #1: missing required field '"));
  CHECK(summary.where.line == 2);
}

TEST_CASE("items validated in parts keep their numbers past the first part") {
  std::string items = repeat("  - {id: a, question: q, answer: a}\n", 300) + "  - {id: b, question: q}\n";
  auto file = load("section: x\nquestions:\n" + items);
  REQUIRE(file.diagnostics.size() == 1);
  CHECK(file.diagnostics[0].message == "question 'b': missing required field 'answer'");
  CHECK(file.diagnostics[0].where.line == 303);
}

TEST_CASE("a mapping that repeats thousands of keys is capped and stays linear") {
  std::string keys;
  for (int i = 0; i < 3000; ++i) keys += "k" + std::to_string(i) + ": 1\n";
  auto file = load(keys + keys);
  CHECK(count_rule(file.diagnostics, "duplicate-key") == k_diagnostic_limit + 1);
  // The schema's findings (3,000 unknown fields) are capped too; find the duplicate keys' summary.
  auto summary = std::find_if(file.diagnostics.rbegin(), file.diagnostics.rend(),
                              [](const Diagnostic& d) { return d.rule == "duplicate-key"; });
  REQUIRE(summary != file.diagnostics.rend());
  CHECK(summary->message == "and 2,900 more like this");
}

TEST_CASE("limit_diagnostics keeps the first of each file and rule and merges earlier summaries") {
  std::vector<Diagnostic> list;
  for (int i = 1; i <= 5; ++i) list.push_back({{"a.yaml", i, 1}, "schema", Severity::error, "m", {}, {}});
  list.push_back({{"a.yaml", 9, 1}, "other", Severity::warning, "m", {}, {}});
  list.push_back({{"b.yaml", 1, 1}, "schema", Severity::error, "m", {}, {}});
  limit_diagnostics(list, 2);
  REQUIRE(list.size() == 5);
  CHECK(list[4].message == "and 3 more like this");
  CHECK(list[4].where == SourceLocation{"a.yaml", 5, 1});  // the last dropped one: it sorts after the kept
  // Again, with two more of the same group: the summary absorbs them instead of being dropped.
  list.push_back({{"a.yaml", 7, 1}, "schema", Severity::error, "m", {}, {}});
  list.push_back({{"a.yaml", 8, 1}, "schema", Severity::error, "m", {}, {}});
  limit_diagnostics(list, 2);
  REQUIRE(list.size() == 5);
  CHECK(list[4].message == "and 5 more like this");
  CHECK(folded_count(list[4]) == 5);
}

TEST_CASE("did-you-mean is exact on short names and skips long ones") {
  CHECK(config::edit_distance("kitten", "sitting") == 3);
  CHECK(config::edit_distance("tilte", "title") == 1);
  CHECK(config::edit_distance("ca", "abc") == 3);  // optimal string alignment, not full Damerau
  CHECK(config::edit_distance("", "abc") == 3);
  CHECK(config::edit_distance("abc", "") == 3);
  CHECK(config::closest_match("placeholder-txt", {"placeholder-text", "schema"}) == "placeholder-text");
  std::string long_name(config::k_max_suggest_length + 1, 'r');
  CHECK_FALSE(config::closest_match(long_name, {long_name.substr(1)}));
  // A 5 MB key used to allocate a 5M x 16 matrix per candidate; now it is not even compared.
  CHECK_FALSE(config::closest_match(std::string(5 << 20, 'k'), {"rules", "limits"}));
}

TEST_CASE("a 5 MB unknown key in qbank.yaml is a plain tool error") {
  // An explicit key ("? "): yaml-cpp refuses implicit keys over 1024 characters by itself.
  std::string key(5 << 20, 'k');
  try {
    config::parse_config("? " + key + "\n: 1\n", "qbank.yaml", {});
    FAIL("no error");
  } catch (const Error& error) {
    std::string message = error.what();
    CHECK(message.starts_with("qbank.yaml:1:3: unknown section 'kkk"));
    CHECK(message.find("did you mean") == std::string::npos);
  }
}

TEST_CASE("yaml-cpp messages quoting half a character stay valid UTF-8, and so does the JSON") {
  auto file = load("a: \"\\\xC3\xA9\"\n");
  REQUIRE(file.diagnostics.size() == 1);
  const Diagnostic& d = file.diagnostics[0];
  CHECK(d.rule == "yaml-syntax");
  CHECK_FALSE(text::find_invalid_utf8(d.message));
  CHECK(d.message.find("\xEF\xBF\xBD") != std::string::npos);
  // Even a message that is not valid UTF-8 renders as JSON and SARIF (with U+FFFD).
  Diagnostic broken{{"f.yaml", 1, 1}, "yaml-syntax", Severity::error, "bad \xC3", "hint \xFF", {}};
  output::RenderContext context;
  for (auto format : {output::Format::json, output::Format::sarif}) {
    std::string out = output::render(format, {broken}, context);
    CHECK(out.find("bad \xEF\xBF\xBD") != std::string::npos);
    CHECK_FALSE(text::find_invalid_utf8(out));
  }
}

TEST_CASE("a qbank.yaml that is not UTF-8 is a tool error at the bad byte") {
  CHECK_THROWS_WITH(config::parse_config("links:\n  timeout: \"\xC3\"\n", "qbank.yaml", {}),
                    "qbank.yaml:2:13: invalid UTF-8 (byte 0xC3); the config must be UTF-8 encoded");
}

TEST_CASE("valid_utf8 replaces each bad byte and keeps the rest") {
  CHECK(text::valid_utf8("a\xC3" "b\xFF\xFE" "c\xC3\xA9") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xC3\xA9");
  CHECK(text::valid_utf8("") == "");
}
