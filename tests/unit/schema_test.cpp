// Schema violations in the author's terms, every one of them, at the offending node.
#include <algorithm>

#include <catch2/catch.hpp>

#include "bank/loader.hpp"

using namespace qbank;

namespace {

std::vector<std::string> messages(const std::string& yaml, bool bank_yaml = false) {
  auto file = bank::load_document("f.yaml", yaml, bank_yaml, {});
  std::vector<std::string> out;
  for (const auto& d : file.diagnostics) {
    CHECK(d.rule == "schema");
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " + d.message);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every violation in a file is reported, each at its own node") {
  auto found = messages(
      "section: S\n"
      "questions:\n"
      "  - id: pca\n"
      "    question: What is PCA?\n"
      "  - id: Not Kebab\n"
      "    question: q\n"
      "    answer: a\n"
      "    difficulty: hard\n");
  CHECK(found == std::vector<std::string>{
                     "3:5 question 'pca': missing required field 'answer'",
                     "5:9 question 'Not Kebab': 'id' must be a kebab-case name (lowercase letters and digits joined by "
                     "single hyphens, e.g. 'bias-variance') (got 'Not Kebab')",
                     "8:17 question 'Not Kebab': 'difficulty' must be one of basic, intermediate, advanced (got 'hard')",
                 });
}

TEST_CASE("wrong types name what was found, including YAML's non-strings") {
  auto found = messages("section: S\nquestions:\n  - id: a\n    question: 12\n    answer: true\n");
  CHECK(found == std::vector<std::string>{"4:15 question 'a': 'question' must be a string (got the number 12)",
                                          "5:13 question 'a': 'answer' must be a string (got true)"});
}

TEST_CASE("unknown fields get a did-you-mean at the key") {
  auto found = messages("section: S\nquestions:\n  - id: a\n    question: q\n    answer: a\n    tgas: [x]\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "6:5 question 'a': unknown field 'tgas'");
  auto file = bank::load_document("f.yaml", "section: S\nquestions:\n  - id: a\n    question: q\n    answer: a\n    tgas: [x]\n", false, {});
  CHECK(file.diagnostics[0].hint == "did you mean 'tags'?");
}

TEST_CASE("a resource mapping with a bad URL is reported on the URL, not as 'not a string'") {
  auto found = messages("section: S\nquestions:\n  - id: a\n    question: q\n    answer: a\n    resources:\n      - {url: 'ftp://x', title: X}\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "7:15 question 'a': 'url' must be an absolute http:// or https:// URL with no spaces (got 'ftp://x')");
}

TEST_CASE("repeated tags point at the repeat") {
  auto found = messages("section: S\nquestions:\n  - id: a\n    question: q\n    answer: a\n    tags: [x, y, x]\n");
  CHECK(found == std::vector<std::string>{"6:18 question 'a': 'tags' lists 'x' more than once"});
}

TEST_CASE("bank.yaml has its own schema") {
  CHECK(messages("title: T\ndeck: D\n", true).empty());
  CHECK(messages("title: T\n", true) == std::vector<std::string>{"1:1 missing required field 'deck'"});
  // deck and title missing; 'section' and 'questions' unknown, each at its own key.
  auto found = messages("section: S\nquestions: []\n", true);
  CHECK(found.size() == 4);
  CHECK(std::find(found.begin(), found.end(), "1:1 unknown field 'section'") != found.end());
  CHECK(std::find(found.begin(), found.end(), "2:1 unknown field 'questions'") != found.end());
}
