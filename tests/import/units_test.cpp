// The importer's pieces on their own: ids, difficulty markers and labels, YAML scalars that
// load back to the same text, the Markdown line a lint finding traces back to.
#include <catch2/catch.hpp>

#include "bank/loader.hpp"
#include "importer/classify.hpp"
#include "importer/ids.hpp"
#include "importer/markdown_label.hpp"
#include "importer/yaml_writer.hpp"

using namespace qbank;
using namespace qbank::importer;

namespace {
ImportedQuestion question(std::string id, std::string text, std::string answer = {}, int line = 0, int answer_line = 0) {
  ImportedQuestion q;
  q.id = std::move(id);
  q.question = std::move(text);
  q.answer = std::move(answer);
  q.source = {"doc.md", line};
  q.answer_source = {"doc.md", answer_line};
  return q;
}
}  // namespace

TEST_CASE("import ids: kebab-case, short, question stems and articles dropped") {
  CHECK(id_from_text("What is the difference between supervised and unsupervised learning?") ==
        "supervised-and-unsupervised-learning");
  CHECK(id_from_text("What is PCA (Principal Component Analysis)?") == "pca-principal-component-analysis");
  CHECK(id_from_text("Explain the Curse of Dimensionality.") == "curse-of-dimensionality");
  CHECK(id_from_text("What is `yield` in [Python](https://python.org)?") == "yield-in-python");
  CHECK(id_from_text("Qu'est-ce qu'un réseau de neurones ?") == "quest-ce-quun-reseau-de-neurones");
  CHECK(id_from_text("What is?") == "what-is");  // a stem alone is kept
  CHECK(id_from_text("Why do very deep networks need residual connections at all?") == "why-do-very-deep-networks-need");
  CHECK(id_from_text("什么是梯度?").empty());
}

TEST_CASE("import ids: unique by suffix in document order, stable for the same document") {
  ImportedBank bank;
  bank.sections.resize(2);
  for (auto* text : {"What is a tensor?", "What is a tensor?", "什么是?"}) bank.sections[0].questions.push_back(question("", text));
  bank.sections[1].questions.push_back(question("tensor", "Given id"));
  assign_ids(bank);
  CHECK(bank.sections[0].questions[0].id == "tensor");
  CHECK(bank.sections[0].questions[1].id == "tensor-2");
  CHECK(bank.sections[0].questions[2].id == "question-3");
  CHECK(bank.sections[1].questions[0].id == "tensor-3");
  REQUIRE(bank.notes.size() == 1);  // a given id that had to change is reported
  CHECK(bank.notes[0].message == "the id 'tensor' is already taken: this question became 'tensor-3'");
}

TEST_CASE("import markers: difficulty in brackets or emoji, at either end") {
  auto marker = [](std::string text) {
    std::string d = take_difficulty_marker(text);
    return d + "|" + text;
  };
  CHECK(marker("What is X? (basic)") == "basic|What is X?");
  CHECK(marker("[Advanced] What is X?") == "advanced|What is X?");
  CHECK(marker("👶 Warm-up") == "basic|Warm-up");
  CHECK(marker("Deeper 🚀") == "advanced|Deeper");
  CHECK(marker("Explain bootstrapping. ⭐⭐") == "intermediate|Explain bootstrapping.");
  CHECK(marker("Stars ⭐️⭐️⭐️") == "advanced|Stars");
  CHECK(marker("What is (a) list?") == "|What is (a) list?");
  CHECK(marker("📌 Basic Questions") == "|📌 Basic Questions");
  CHECK(heading_word_difficulty("Intermediate Machine Learning") == "intermediate");
  CHECK(heading_word_difficulty("Deep Learning") == "");
  CHECK(strip_decoration("🏗️ System Design") == "System Design");
}

TEST_CASE("import labels: answer and question labels removed at source level") {
  std::string text = "**Answer:** It is *this*.";
  CHECK(strip_answer_label(text));
  CHECK(text == "It is *this*.");
  text = "**Answer**: yes";
  CHECK(strip_answer_label(text));
  CHECK(text == "yes");
  text = "**Q: What is X?**\nmore";
  CHECK(strip_question_label(text));
  CHECK(text == "What is X?\nmore");
  text = "Answers vary.";
  CHECK_FALSE(strip_answer_label(text));
  text = "A stochastic process: no";
  CHECK_FALSE(strip_answer_label(text));
  CHECK(is_resources_title("🔗 Support GitHub Repositories"));
  CHECK(is_resources_title("Further reading"));
  CHECK_FALSE(is_resources_title("Resource allocation questions"));
  CHECK(kind_of_group("Free Medium Blogs:") == "article");
}

TEST_CASE("import marks: empty anchors and markdownlint directives") {
  CHECK(anchor_id("<a id=\"pca\"></a>") == "pca");
  CHECK(anchor_id("  <a name='Top_1'></a>\n") == "Top_1");  // as written: the recogniser checks it is kebab-case
  CHECK_FALSE(anchor_id("<a id=\"pca\">PCA</a>"));
  CHECK_FALSE(anchor_id("<a href=\"#pca\"></a>"));
  CHECK_FALSE(anchor_id("<a id=\"pca\" class=\"x\"></a>"));
  CHECK_FALSE(anchor_id("<a id=\"pca\"></a> and text"));
  CHECK(is_markdownlint_directive("<!-- markdownlint-disable MD026 -->\n"));
  CHECK(is_markdownlint_directive("<!-- markdownlint-configure-file { \"MD013\": false } -->"));
  CHECK_FALSE(is_markdownlint_directive("<!-- TODO: markdownlint-disable -->"));
  CHECK_FALSE(is_markdownlint_directive("<!-- markdownlint-disable --> text <!-- x -->"));
}

TEST_CASE("import YAML: every scalar loads back as the same text") {
  const std::vector<std::string> values{
      "What is PCA?", "12", "true", "null", "- a list?", "key: value", "# not a comment", "a \"quoted\" 'word'",
      "line one\nline two", "  indented first line\nsecond", "tab\there", "trailing space ", "ends with newline\n",
      "\xEF\xBB\xBF" "bom", "control \x01 char", "line\n\n\nwith blank lines", "unicode: é 🚀 \xEE\x88\x80", "back\\slash",
      "|literal", ">folded", "'single", "@at", "`tick`", "a: b\n  c: d", "line\n   \nspaces-only line"};
  for (const auto& value : values) {
    std::string yaml = "section: S\nquestions:\n  - id: a\n    question: " + yaml_scalar(value, 6) + "\n    answer: x\n";
    auto loaded = bank::load_document("t.yaml", yaml, false, {});
    INFO(yaml);
    for (const auto& d : loaded.diagnostics) INFO(d.message);
    REQUIRE(loaded.section);
    REQUIRE(loaded.section->questions.size() == 1);
    CHECK(loaded.section->questions[0].question == value);
  }
}

TEST_CASE("import YAML: each line of a written file traces back to its Markdown line") {
  ImportedBank bank;
  bank.title = "T";
  bank.title_source = {"doc.md", 1};
  bank.sections.resize(1);
  bank.sections[0].name = "S";
  bank.sections[0].source = {"doc.md", 3};
  bank.sections[0].questions.push_back(question("a", "Q?", "line 1\nline 2", 5, 6));
  bank.sections[0].questions.push_back(question("b", "R?", "", 9, 9));
  auto files = render_bank(bank, "T", "T");
  REQUIRE(files.size() == 2);
  CHECK(files[1].name == "01-s.yaml");
  CHECK(files[1].text ==
        "section: S\nquestions:\n  - id: a\n    question: Q?\n    answer: |-\n      line 1\n      line 2\n"
        "  - id: b\n    question: R?\n    answer: \"\"\n");
  CHECK(files[1].source_of(1)->line == 3);
  CHECK(files[1].source_of(4)->line == 5);
  CHECK(files[1].source_of(7)->line == 6);  // inside the answer's block
  CHECK(files[1].source_of(8)->line == 9);
}
