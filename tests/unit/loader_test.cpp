// The loader on broken and hostile input: every case is a diagnostic at the right place,
// never a crash, a hang, or silently lost content.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "bank/loader.hpp"
#include "core/error.hpp"
#include "support/temp_dir.hpp"

using namespace qbank;
using bank::load_document;

namespace {

const std::string k_valid = "section: Basics\nquestions:\n  - id: pca\n    question: What is PCA?\n    answer: A projection.\n";

bank::LoadedFile load(const std::string& content, bank::LoadOptions options = {}) {
  return load_document("f.yaml", content, false, options);
}

Diagnostic only(const bank::LoadedFile& file) {  // a copy: callers pass temporaries
  REQUIRE(file.diagnostics.size() == 1);
  return file.diagnostics.front();
}

}  // namespace

TEST_CASE("a valid section file loads into the model with 1-based positions") {
  auto file = load(k_valid);
  CHECK(file.diagnostics.empty());
  REQUIRE(file.section);
  CHECK(file.section->name == "Basics");
  REQUIRE(file.section->questions.size() == 1);
  const auto& q = file.section->questions[0];
  CHECK(q.id == "pca");
  CHECK(q.where == SourceLocation{"f.yaml", 3, 5});
  CHECK(q.question_at == SourceLocation{"f.yaml", 4, 15});
  CHECK(q.answer_at.line == 5);
  CHECK(q.last_line == 5);
}

TEST_CASE("a UTF-8 byte order mark is accepted and does not shift columns") {
  auto file = load("\xEF\xBB\xBF" + k_valid);
  CHECK(file.diagnostics.empty());
  REQUIRE(file.section);
  CHECK(file.section->name == "Basics");
  CHECK(file.section->questions[0].question_at.column == 15);
}

TEST_CASE("CRLF line ends are accepted, and text does not keep the CR") {
  std::string crlf;
  for (char c : k_valid) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  auto file = load(crlf);
  CHECK(file.diagnostics.empty());
  REQUIRE(file.section);
  CHECK(file.section->questions[0].answer == "A projection.");
  CHECK(file.section->questions[0].answer_at.line == 5);
}

TEST_CASE("invalid UTF-8 is reported at the first bad byte, and the file is not parsed") {
  auto file = load("section: Basics\nquestions:\n  - id: x\n    question: caf\xE9!\n");
  const auto& d = only(file);
  CHECK(d.rule == "invalid-utf8");
  CHECK(d.where == SourceLocation{"f.yaml", 4, 18});
  CHECK_FALSE(file.section);
}

TEST_CASE("a tab in indentation is pointed at directly") {
  const auto& d = only(load("section: Basics\nquestions:\n  - id: x\n\tquestion: q\n"));
  CHECK(d.rule == "yaml-syntax");
  CHECK(d.where == SourceLocation{"f.yaml", 4, 1});
  CHECK(d.message.find("tab") != std::string::npos);
}

TEST_CASE("a syntax error carries the parser's position") {
  const auto& d = only(load("section: Basics\nquestions: [a, b\n"));
  CHECK(d.rule == "yaml-syntax");
  CHECK(d.where.line == 3);
}

TEST_CASE("empty files and comment-only files are reported as empty") {
  CHECK(only(load("")).rule == "empty-file");
  CHECK(only(load("# nothing yet\n")).rule == "empty-file");
  CHECK(only(load("\n\n   \n")).rule == "empty-file");
}

TEST_CASE("a root that is not a mapping is a schema finding, not a crash") {
  auto list = load("- a\n- b\n");
  CHECK(only(list).rule == "schema");
  CHECK(only(list).message == "the file must be a mapping with 'section' and 'questions' (got a list)");
  CHECK(only(load("just a sentence\n")).rule == "schema");
}

TEST_CASE("files over the size limit are reported and not parsed") {
  bank::LoadOptions options;
  options.max_file_bytes = 10;
  const auto& d = only(load(k_valid, options));
  CHECK(d.rule == "input-limit");
  CHECK(d.where.line == 0);
}

TEST_CASE("nesting deeper than the limit stops the walk with a diagnostic") {
  bank::LoadOptions options;
  options.max_depth = 8;
  const auto& d = only(load("section: x\nquestions: [[[[[[[[[[[[]]]]]]]]]]]]\n", options));
  CHECK(d.rule == "input-limit");
  CHECK(d.message == "nesting is deeper than 8 levels");
}

TEST_CASE("pathological nesting that would exhaust the parser's stack is a diagnostic") {
  const auto& d = only(load("a: " + std::string(100000, '[') + "\n"));
  CHECK(d.rule == "input-limit");
}

TEST_CASE("an alias bomb is stopped by the node budget, quickly") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'j'; ++name) {
    bomb += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + previous;
    bomb += "]\n";
    previous = name;
  }
  // 10^10 nodes if walked; the budget stops it after a few thousand.
  const auto& d = only(load(bomb));
  CHECK(d.rule == "input-limit");
  CHECK(d.message.find("alias bomb") != std::string::npos);
}

TEST_CASE("duplicate keys are reported at the second key, the first value is kept") {
  auto file = load("section: Basics\nquestions:\n  - id: pca\n    question: q\n    answer: first\n    answer: second\n");
  const auto& d = only(file);
  CHECK(d.rule == "duplicate-key");
  CHECK(d.where == SourceLocation{"f.yaml", 6, 5});
  REQUIRE(d.related.size() == 1);
  CHECK(d.related[0].where == SourceLocation{"f.yaml", 5, 5});
  REQUIRE(file.section);
  CHECK(file.section->questions[0].answer == "first");
}

TEST_CASE("several YAML documents in one file are reported, not silently dropped") {
  const auto& d = only(load(k_valid + "---\nsection: Second\nquestions: []\n"));
  CHECK(d.rule == "yaml-syntax");
  CHECK(d.where.line == 7);
}

TEST_CASE("a NUL byte is reported, not parsed") { CHECK(only(load(std::string("section: a\0b\n", 13))).rule == "invalid-utf8"); }

TEST_CASE("bank.yaml loads into BankInfo with its resources") {
  auto file = load_document("bank.yaml",
                            "title: T\ndeck: D\nresources:\n  - https://example.org/a\n  - {url: 'https://example.org/b', title: B}\n",
                            true, {});
  CHECK(file.diagnostics.empty());
  REQUIRE(file.info);
  CHECK(file.info->deck == "D");
  REQUIRE(file.info->resources.size() == 2);
  CHECK(file.info->resources[1].title == "B");
  CHECK(file.info->resources[1].where == SourceLocation{"bank.yaml", 5, 11});
}

TEST_CASE("a bank folder loads bank.yaml first and sections in sorted order, skipping qbank.yaml") {
  test::TempDir dir;
  dir.write("b.yaml", "section: B\nquestions: []\n");
  dir.write("a.yaml", "section: A\nquestions: []\n");
  dir.write("bank.yaml", "title: T\ndeck: D\n");
  dir.write("qbank.yaml", "rules: {}\n");
  dir.write(".hidden.yaml", "not: loaded\n");
  dir.write("notes.txt", "ignored");
  auto loaded = bank::load_bank(dir.path(), {});
  CHECK(loaded.diagnostics.empty());
  CHECK(loaded.files == 3);
  CHECK(loaded.bank.info.deck == "D");
  REQUIRE(loaded.bank.sections.size() == 2);
  CHECK(loaded.bank.sections[0].name == "A");
  CHECK(loaded.bank.sections[1].name == "B");
}

TEST_CASE("paths that do not exist and folders without YAML are tool errors") {
  test::TempDir dir;
  CHECK_THROWS_AS(bank::load_paths({dir.path() / "missing"}, {}), Error);
  CHECK_THROWS_AS(bank::load_paths({dir.path()}, {}), Error);
}

TEST_CASE("loading in parallel gives the same result as one thread") {
  test::TempDir dir;
  for (int i = 0; i < 40; ++i)
    dir.write(fmt::format("s{}.yaml", 100 + i), fmt::format("section: S{0}\nquestions:\n  - id: q{0}\n    question: q\n    answer: a\n", i));
  bank::LoadOptions one, many;
  one.threads = 1;
  many.threads = 8;
  auto a = bank::load_bank(dir.path(), one), b = bank::load_bank(dir.path(), many);
  REQUIRE(a.bank.sections.size() == b.bank.sections.size());
  for (std::size_t i = 0; i < a.bank.sections.size(); ++i) CHECK(a.bank.sections[i].name == b.bank.sections[i].name);
}
