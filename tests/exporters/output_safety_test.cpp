// What author text cannot do to the outputs: control characters are dropped (0x1F would split
// an Anki note's fields), Anki's syntax and MathJax links are inert in cards, the Markdown
// export passes no raw HTML or script links and keeps its heading levels; and Anki ids lie in
// the past, where Anki leaves them alone.
#include <catch2/catch.hpp>

#include <ctime>
#include <set>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;
namespace fs = std::filesystem;

namespace {
constexpr std::int64_t k_epoch = 1700000000;

fs::path write_bank(const TempDir& dir, const std::string& section_yaml) {
  dir.write("bank/bank.yaml", "title: T\ndeck: T\n");
  return dir.write("bank/01.yaml", section_yaml).parent_path();
}
}  // namespace

TEST_CASE("a control character never reaches an export, and lint reports it") {
  TempDir dir;
  fs::path bank = write_bank(dir, "section: S\nquestions:\n  - id: a\n    question: \"Split\\x1fme?\"\n    answer: \"Bell\\x07.\"\n");
  auto lint = run_qbank({"lint", bank.string()});
  CHECK(lint.exit_code == 1);
  CHECK(lint.out.find("question 'a': control character U+001F in the question [control-character]") != std::string::npos);
  REQUIRE(export_bank("anki", bank, dir.path() / "deck.apkg", k_epoch, {"--force"}).exit_code == 0);
  Package package = open_package(dir.path() / "deck.apkg", dir.path());
  auto rows = package.query("SELECT flds FROM notes");
  REQUIRE(rows.size() == 1);
  std::string fields = rows[0][0];
  CHECK(std::count(fields.begin(), fields.end(), '\x1f') == 3);  // 4 fields
  CHECK(fields.find("<p>Splitme?</p>") == 0);
  for (std::string format : {"csv", "markdown", "anki-text"}) {
    INFO(format);
    auto out = export_bank(format, bank, "-", k_epoch, {"--force"});
    REQUIRE(out.exit_code == 0);
    CHECK(out.out.find('\x1f') == std::string::npos);
    CHECK(out.out.find('\x07') == std::string::npos);
  }
}

TEST_CASE("Anki syntax and MathJax links in content are inert in the cards and reported by lint") {
  TempDir dir;
  fs::path bank = write_bank(dir, R"Y(section: S
questions:
  - id: a
    question: "What is {{Answer}} or {{c1::x}}?"
    answer: "[sound:../../etc/passwd] [latex]x[/latex] [$]y[/$] [anki:tts lang=en]z[/anki:tts] \\(\\href{javascript:alert(1)}{x} \\style{background:url(javascript:alert(1))}{y}\\)"
)Y");
  auto lint = run_qbank({"lint", bank.string()});
  CHECK(lint.out.find("question 'a': '{{' in the question is Anki syntax") != std::string::npos);
  CHECK(lint.out.find("[anki-syntax]") != std::string::npos);
  REQUIRE(export_bank("anki", bank, dir.path() / "deck.apkg", k_epoch).exit_code == 0);
  Package package = open_package(dir.path() / "deck.apkg", dir.path());
  std::string fields = package.query("SELECT flds FROM notes")[0][0];
  for (std::string live : {"{{", "[sound:", "[latex]", "[$]", "[anki:", "\\href", "\\style"}) {
    INFO(live);
    CHECK(fields.find(live) == std::string::npos);
  }
  CHECK(fields.find("&#123;{Answer}}") != std::string::npos);
  CHECK(fields.find("&#91;sound:../../etc/passwd]") != std::string::npos);
  CHECK(fields.find("\\&#8203;href{javascript:alert(1)}") != std::string::npos);
}

TEST_CASE("the Markdown export passes no raw HTML or script links, wherever they are written") {
  TempDir dir;
  dir.write("bank/bank.yaml", "title: \"<img src=x onerror=alert(1)>\"\ndeck: T\n");
  dir.write("bank/01.yaml", R"Y(section: "<script>alert(1)</script>"
questions:
  - id: a
    question: "What is <b>bold</b>?"
    answer: |
      <div onclick="alert(1)">block</div>

      | a | b |
      |---|---|
      | <img src=x> | [x](javascript:alert(1)) |

      # <i>heading</i>

          <script>indented</script>

      ````
      ```
      <script>fence</script>
      ````

      [data](data:text/html,<script>alert(1)</script>) and [ok](https://example.com)
)Y");
  auto result = export_bank("markdown", dir.path() / "bank", "-", k_epoch, {"--force"});
  REQUIRE(result.exit_code == 0);
  const std::string& md = result.out;
  INFO(md);
  // Anything HTML-like outside code is escaped (`\<`), so no renderer reads a tag.
  auto unescaped = [&](const std::string& raw) {
    for (std::size_t at = md.find(raw); at != std::string::npos; at = md.find(raw, at + 1))
      if (at == 0 || md[at - 1] != '\\') return true;
    return false;
  };
  for (std::string raw : {"<img", "<script>alert", "<b>", "<div", "<i>"}) {
    INFO(raw);
    CHECK_FALSE(unescaped(raw));
  }
  CHECK(md.find("javascript:") == std::string::npos);
  CHECK(md.find("data:text/html") == std::string::npos);
  CHECK(md.find("[ok](https://example.com)") != std::string::npos);
  CHECK(md.find("\n#### \\<i\\>heading\\</i\\>\n") != std::string::npos);  // demoted below the question
  // Code stays code: fenced, with a language.
  CHECK(md.find("```text\n<script>indented</script>\n```") != std::string::npos);
}

TEST_CASE("Markdown export: the question is the heading, the id its anchor, no filler") {
  TempDir dir;
  fs::path bank = write_bank(dir, R"Y(section: S
questions:
  - id: pca
    question: Define PCA.
    answer: |
      ## Idea

      Projection.

      ### Detail

      Variance.
  - id: code-first
    question: |
      ```python
      x = 1
      ```
    answer: One.
    difficulty: basic
)Y");
  auto result = export_bank("markdown", bank, "-", k_epoch);
  REQUIRE(result.exit_code == 0);
  const std::string& md = result.out;
  INFO(md);
  // The question word for word, its '.' included, so markdownlint's MD026 is turned off.
  CHECK(md.find("<a id=\"pca\"></a>\n\n### Define PCA.\n") != std::string::npos);
  CHECK(md.rfind("<!-- markdownlint-disable MD026 -->\n\n# T\n\n## Contents\n", 0) == 0);
  CHECK(md.find("\n#### Idea\n") != std::string::npos);
  CHECK(md.find("\n##### Detail\n") != std::string::npos);
  CHECK(md.find("unrated") == std::string::npos);
  CHECK(md.find("Difficulty") == md.rfind("Difficulty: basic."));
  CHECK(md.find("<a id=\"code-first\"></a>\n\n### code-first\n\n```python\nx = 1\n```") != std::string::npos);
}

TEST_CASE("Anki note and card ids are in the past, deterministic and unique") {
  TempDir dir;
  REQUIRE(export_bank("anki", source_dir() / "questions", dir.path() / "a.apkg", k_epoch).exit_code == 0);
  REQUIRE(export_bank("anki", source_dir() / "questions", dir.path() / "b.apkg", k_epoch).exit_code == 0);
  CHECK(read_text(dir.path() / "a.apkg") == read_text(dir.path() / "b.apkg"));
  Package package = open_package(dir.path() / "a.apkg", dir.path());
  // Anki (rslib dbcheck.rs, maybe_fix_invalid_ids) rewrites note and card ids later than
  // tomorrow, in milliseconds; qbank's lie in 2010-2019.
  const std::int64_t now_ms = static_cast<std::int64_t>(std::time(nullptr)) * 1000;
  for (std::string table : {"notes", "cards"}) {
    INFO(table);
    auto rows = package.query("SELECT id FROM " + table);
    REQUIRE(rows.size() == 100);
    std::set<std::int64_t> ids;
    for (const auto& row : rows) {
      std::int64_t id = std::stoll(row[0]);
      CHECK(id >= 1262304000000);
      CHECK(id < 1577836800000);
      CHECK(id < now_ms);
      ids.insert(id);
    }
    CHECK(ids.size() == 100);
  }
}

TEST_CASE("Markdown export: lists keep markdownlint's markers inside quotes and list items, fences get blank lines") {
  TempDir dir;
  fs::path bank = write_bank(dir, R"Y(section: S
questions:
  - id: a
    question: |
      Multi
      line *question*:
    answer: |
      > quoted
      > - item

      1. one
         - nested
           ```
           code
           ```
)Y");
  auto result = export_bank("markdown", bank, "-", k_epoch);
  REQUIRE(result.exit_code == 0);
  const std::string& md = result.out;
  INFO(md);
  CHECK(md.find("\n### Multi line *question*:\n") != std::string::npos);
  CHECK(md.find("\n> quoted\n>\n> - item\n") != std::string::npos);
  CHECK(md.find("\n1. one\n   - nested\n\n     ```text\n     code\n     ```\n") != std::string::npos);
}
