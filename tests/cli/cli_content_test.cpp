// What lint tells an author about their content: every unknown field, YAML mistakes in plain
// words with the corrected line, text a ' #' cut short, Markdown the cards drop, images the
// package cannot carry, a bank folder without bank.yaml, headings in answers, and inline
// suppression.
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using qbank::test::run_qbank;
using qbank::test::TempDir;

namespace {

// A bank folder (with bank.yaml unless `bank_yaml` is empty) holding one section file.
std::string bank_with(const TempDir& dir, const std::string& section, const std::string& bank_yaml = "title: T\ndeck: D\n") {
  fs::create_directories(dir.path() / ".git");  // no qbank.yaml above this folder is read
  if (!bank_yaml.empty()) dir.write("bank/bank.yaml", bank_yaml);
  dir.write("bank/01.yaml", section);
  return (dir.path() / "bank").string();
}

std::string lint_text(const std::string& bank) { return run_qbank({"lint", bank, "--no-progress"}).out; }

std::string question(const std::string& id, const std::string& q_line, const std::string& a_line) {
  return "  - id: " + id + "\n    " + q_line + "\n    " + a_line + "\n";
}

}  // namespace

TEST_CASE("every unknown field is reported, each at its own line") {
  TempDir dir;
  auto bank = bank_with(dir,
                        "section: S\nquestions:\n  - id: pca\n    question: What is PCA?\n    answer: A projection.\n"
                        "    foo: 1\n    bar: 2\n",
                        "titel: T\ndeck: D\ndescripton: x\ntitle: T\n");
  auto out = lint_text(bank);
  CHECK(out.find(bank + "/01.yaml:6:5: error: question 'pca': unknown field 'foo' [schema]") != std::string::npos);
  CHECK(out.find(bank + "/01.yaml:7:5: error: question 'pca': unknown field 'bar' [schema]") != std::string::npos);
  CHECK(out.find(bank + "/bank.yaml:1:1: error: unknown field 'titel' [schema]") != std::string::npos);
  CHECK(out.find(bank + "/bank.yaml:3:1: error: unknown field 'descripton' [schema]") != std::string::npos);
  CHECK(out.find("hint: did you mean 'description'?") != std::string::npos);
}

TEST_CASE("YAML mistakes are explained in plain words, with the corrected line") {
  struct Case {
    std::string line, message, hint;
  };
  const std::vector<Case> cases{
      {"question: Python: what does a: int mean?", "this value contains ': ', which YAML reads as the start of another key",
       "put the value in quotes: question: \"Python: what does a: int mean?\""},
      {"answer: *args collects extra positional arguments.", "a value that starts with '*' is read as a YAML alias",
       "put the value in quotes: answer: \"*args collects extra positional arguments.\""},
      {"answer: `len()` returns the length.", "a value cannot start with '`' in YAML: the character is reserved",
       "put the value in quotes: answer: \"`len()` returns the length.\""},
      {"answer: - quicksort", "'- ' right after 'answer:' starts a list, which YAML does not allow on the key's line",
       "quote it: answer: \"- quicksort\""},
      {"answer: \"An unclosed quote.", "the double quote that opens this value is never closed",
       "close it at the end of the value: answer: \"An unclosed quote.\""},
      {"answer: \"He said \"hi\" to me\"", "the double quote inside this value ends it early; YAML cannot read the text after it",
       "quote the value so that its own quotes are text: answer: 'He said \"hi\" to me'"},
      {"answer: 'It's a trap'", "the single quote inside this value ends it early",
       "quote the value so that its own quotes are text: answer: \"It's a trap\""},
      {"answer: \"Use \"\\t\" for a tab\"", "the double quote inside this value ends it early",
       "quote the value so that its own quotes are text: answer: \"Use \\\"\\t\\\" for a tab\""},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    TempDir dir;
    bool is_question = c.line.starts_with("question:");
    std::string section = "section: S\nquestions:\n  - id: a\n    " +
                          (is_question ? c.line + "\n    answer: x\n" : "question: What?\n    " + c.line + "\n") +
                          "  - id: b\n    question: Next?\n    answer: y\n";
    auto result = run_qbank({"lint", bank_with(dir, section), "--no-progress"});
    CHECK(result.exit_code == 1);
    CHECK(result.out.find(c.message) != std::string::npos);
    CHECK(result.out.find(c.hint) != std::string::npos);
    CHECK(result.out.find("[yaml-syntax]") != std::string::npos);
  }
}

TEST_CASE("a value that ' #' cut short and that goes on on the next line is explained at the ' #'") {
  TempDir dir;
  auto bank = bank_with(dir, "section: S\nquestions:\n" +
                                 question("hash", "question: What is the hash sign?", "answer: It is the # symbol and\n      more text"));
  auto result = run_qbank({"lint", bank, "--no-progress"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.find(bank + "/01.yaml:5:23: error: this ' #' starts a YAML comment, so the value stops before it and "
                               "the next line cannot continue it (YAML: end of map not found) [yaml-syntax]") != std::string::npos);
  CHECK(result.out.find("hint: quote the text: answer: \"It is the # symbol and more text\"") != std::string::npos);
}

TEST_CASE("text that ' #' cut short is a warning with the quoted line") {
  TempDir dir;
  auto bank = bank_with(dir, "section: S\nquestions:\n" + question("hash", "question: What does # mean in Python?", "answer: A comment."));
  auto result = run_qbank({"lint", bank, "--no-progress"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find(bank + "/01.yaml:4:25: warning: question 'hash': the question stops before '# mean in Python?': "
                               "an unquoted ' #' starts a YAML comment [truncated-by-comment]") != std::string::npos);
  CHECK(result.out.find("hint: quote the text: question: \"What does # mean in Python?\"") != std::string::npos);
}

TEST_CASE("content rules: raw HTML, unsafe links, headings, missing images, a folder without bank.yaml") {
  TempDir dir;
  auto bank = bank_with(dir,
                        "section: S\nquestions:\n" +
                            question("xss", "question: What does this print? <script>alert('pwned')</script>",
                                     "answer: \"[docs](javascript:alert(1))\"") +
                            question("img", "question: What does ![ROC](images/roc.png) show?", "answer: |\n      # Heading\n      Text."),
                        "");
  auto result = run_qbank({"lint", bank, "--no-progress", "--format", "json"});
  CHECK(result.exit_code == 1);  // unsafe-link is an error
  auto json = nlohmann::json::parse(result.out);
  std::map<std::string, int> rules;
  for (const auto& d : json["diagnostics"]) rules[d["rule"].get<std::string>()] += 1;
  CHECK(rules["raw-html"] == 1);  // <script>; its </script> is not a finding of its own
  CHECK(rules["unsafe-link"] == 1);
  CHECK(rules["missing-image"] == 1);
  CHECK(rules["heading-in-answer"] == 1);
  CHECK(rules["missing-bank-yaml"] == 1);

  // The image, once there, is no finding (the .apkg packages it).
  dir.write("bank/images/roc.png", "\x89PNG\r\n");
  json = nlohmann::json::parse(run_qbank({"lint", bank, "--no-progress", "--format", "json"}).out);
  for (const auto& d : json["diagnostics"]) CHECK(d["rule"] != "missing-image");
}

TEST_CASE("inline suppression silences one rule for one question") {
  TempDir dir;
  auto bank = bank_with(dir, "section: S\nquestions:\n"
                             "  # qbank: disable=placeholder-text\n"
                             "  - id: stub\n    question: What is X?\n    answer: TBD\n"
                             "  - id: other  # qbank: disable=empty-answer\n    question: What is Y?\n    answer: TODO\n");
  auto result = run_qbank({"lint", bank, "--no-progress"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("question 'stub'") == std::string::npos);  // silenced above the question
  CHECK(result.out.find("question 'other': placeholder text 'TODO'") != std::string::npos);  // another rule: still reported
  CHECK(result.out.find("Found 1 error") != std::string::npos);

  // A misspelt id silences nothing and says so.
  TempDir typo;
  auto bank2 = bank_with(typo, "section: S\nquestions:\n  - id: stub  # qbank: disable=placeholder-txt\n"
                               "    question: What is X?\n    answer: TBD\n");
  result = run_qbank({"lint", bank2, "--no-progress"});
  CHECK(result.out.find("[placeholder-text]") != std::string::npos);
  CHECK(result.out.find("names 'placeholder-txt', which is not a rule id; it silences nothing [invalid-suppression]") !=
        std::string::npos);
  CHECK(result.out.find("did you mean 'placeholder-text'?") != std::string::npos);
}
