// The Markdown document: golden file, markdownlint with its default rules but two (when installed by
// the set-up), and round-trip: every question's text appears exactly once.
#include <catch2/catch.hpp>

#include <cctype>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {
// Whitespace collapsed; Markdown's backslash escapes and autolink brackets removed: what a
// reader sees.
// `unescape` false: the author's text as written (the export shows math such as \(z_i\) as
// written, escaping its backslashes).
std::string visible_text(const std::string& markdown, bool unescape = true) {
  std::string out;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    char c = markdown[i];
    if (unescape && c == '\\' && i + 1 < markdown.size() && std::ispunct(static_cast<unsigned char>(markdown[i + 1]))) {
      c = markdown[++i];
      if (c != '<' && c != '>') out += c;
      continue;
    }
    if (c == '<' || c == '>') continue;
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

std::size_t occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++count;
  return count;
}

void check_markdownlint(const std::filesystem::path& file) {
  auto markdownlint = source_dir() / ".cache/npm/node_modules/.bin/markdownlint";
  if (!std::filesystem::exists(markdownlint)) {
    WARN("markdownlint-cli is not installed (scripts/setup.sh test installs it): lint check skipped");
    return;
  }
  // The default rules, but for the export's two choices: `<a id>` anchors before question
  // headings (MD033), and a question as its heading however long it is (MD013's headings).
  auto config = source_dir() / "tests/exporters/markdownlint.json";
  auto result = run_process({markdownlint.string(), "--config", config.string(), "--", file.string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
}

// The question texts of a bank, read back through the CSV export (one place that parses YAML).
std::vector<std::string> question_texts(const std::string& csv_text) {
  std::vector<std::string> texts;
  // Column 5 of each record; the CSV test checks the format strictly, here a light split.
  std::size_t i = csv_text.find("\r\n") + 2;
  while (i < csv_text.size()) {
    std::vector<std::string> record;
    while (true) {
      std::string field;
      ++i;  // opening quote
      for (;; ++i) {
        if (csv_text[i] == '"' && csv_text[i + 1] == '"') {
          field += '"';
          ++i;
        } else if (csv_text[i] == '"') {
          break;
        } else {
          field += csv_text[i];
        }
      }
      ++i;
      record.push_back(field);
      if (csv_text[i] == ',') {
        ++i;
        continue;
      }
      i += 2;
      break;
    }
    texts.push_back(record[4]);
  }
  return texts;
}

void check_round_trip(const std::filesystem::path& bank, const TempDir& dir) {
  REQUIRE(export_bank("markdown", bank, dir.path() / "rt.md", 1700000000).exit_code == 0);
  REQUIRE(export_bank("csv", bank, dir.path() / "rt.csv", 1700000000, {"--raw"}).exit_code == 0);
  std::string document = visible_text(read_text(dir.path() / "rt.md"));
  auto texts = question_texts(read_text(dir.path() / "rt.csv"));
  REQUIRE_FALSE(texts.empty());
  for (const auto& text : texts) {
    INFO(text);
    CHECK(occurrences(document, visible_text(text, false)) == 1);
  }
}
}  // namespace

TEST_CASE("markdown: the tricky bank matches its golden file and passes markdownlint") {
  TempDir dir;
  auto out = dir.path() / "bank.md";
  REQUIRE(export_bank("markdown", tricky_bank(), out, 1700000000).exit_code == 0);
  check_golden("tricky.md", read_text(out));
  CHECK(read_text(out).find("markdownlint-disable") == std::string::npos);  // no heading ends in . , ; : !
  check_markdownlint(out);
}

TEST_CASE("markdown: the bundled bank passes markdownlint") {
  TempDir dir;
  auto out = dir.path() / "questions.md";
  REQUIRE(export_bank("markdown", source_dir() / "questions", out, 1700000000).exit_code == 0);
  std::string text = read_text(out);
  // "Define Overfitting and Underfitting." is its heading as written, so MD026 is turned off.
  CHECK(text.rfind("<!-- markdownlint-disable MD026 -->\n\n# Machine Learning Interview Questions\n\nA categorized", 0) == 0);
  CHECK(text.find("\n### Define Overfitting and Underfitting.\n") != std::string::npos);
  CHECK(text.find("- [Deep Learning](#deep-learning) (20 questions)") != std::string::npos);
  CHECK(text.find("\n<a id=\"pca\"></a>\n\n### What is PCA (Principal Component Analysis)?\n") != std::string::npos);
  check_markdownlint(out);
}

TEST_CASE("markdown: a title or section name ending in punctuation turns MD026 off too") {
  TempDir dir;
  dir.write("bank/bank.yaml", "title: \"Statistics, Vol. 2.\"\ndeck: Stats\n");
  dir.write("bank/01.yaml", "section: \"Basics: tests\"\nquestions:\n  - id: p\n    question: What is p?\n    answer: A probability.\n");
  auto out = dir.path() / "bank.md";
  REQUIRE(export_bank("markdown", dir.path() / "bank", out, 1700000000).exit_code == 0);
  CHECK(read_text(out).rfind("<!-- markdownlint-disable MD026 -->\n\n# Statistics, Vol. 2.\n", 0) == 0);
  check_markdownlint(out);
}

TEST_CASE("markdown: every question's text appears exactly once") {
  TempDir dir;
  check_round_trip(tricky_bank(), dir);
  check_round_trip(source_dir() / "questions", dir);
}
