// A document parsed in parts (document_parts.hpp) must give exactly the bank of parsing it
// whole: every fixture and the seed cut at every place a cut is allowed, and documents made to
// trip a careless cut (a fence or an HTML comment with '#' lines in it, a fence left open in
// a list item, a link reference defined in another part).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "importer/document_parts.hpp"
#include "importer/recognize.hpp"
#include "import_helpers.hpp"

using namespace qbank;
using namespace qbank::importer;

namespace {

std::string dump(const DocLine& at) { return fmt::format("{}:{}", at.file, at.line); }

std::string dump(const std::vector<ImportedResource>& resources) {
  std::string out;
  for (const auto& r : resources)
    out += fmt::format("  resource {} [{}] ({}) {} @{}\n", r.url, r.title, r.kind, r.description, dump(r.source));
  return out;
}

// Every field of the bank, as text (a mismatch shows where).
std::string dump(const ImportedBank& bank) {
  std::string out = fmt::format("title {} @{}\ndescription {} @{}\n", bank.title, dump(bank.title_source), bank.description,
                                dump(bank.description_source));
  out += dump(bank.resources);
  for (const auto& s : bank.sections) {
    out += fmt::format("section {} ({}) @{}\n", s.name, s.difficulty, dump(s.source));
    for (const auto& q : s.questions) {
      out += fmt::format(" question {} [{}] ({}) <{}> @{} answer @{}\n{}\n---\n{}\n", q.id, q.shape, q.difficulty,
                         fmt::join(q.tags, ","), dump(q.source), dump(q.answer_source), q.question, q.answer);
      out += dump(q.resources);
    }
  }
  for (const auto& p : bank.parts) out += fmt::format("part @{} {}\n", dump(p.source), p.what);
  for (const auto& n : bank.notes) out += fmt::format("note @{} {}\n", dump(n.source), n.message);
  return out;
}

std::shared_ptr<const MarkdownText> document(const std::string& name, std::string text) {
  return std::make_shared<const MarkdownText>(name, std::move(text));
}

std::string whole(const std::shared_ptr<const MarkdownText>& text) {
  ImportedBank bank;
  recognize(MarkdownSource(text), bank);
  return dump(bank);
}

std::string in_parts(const std::shared_ptr<const MarkdownText>& text) {
  ImportedBank bank;
  recognize(text, bank, 1);  // a part at every cut allowed
  return dump(bank);
}

}  // namespace

TEST_CASE("import in parts: every fixture and the seed give the bank of the whole parse") {
  std::vector<std::filesystem::path> documents;
  for (const auto& entry : std::filesystem::directory_iterator(test::import_fixture("")))
    if (entry.path().extension() == ".md") documents.push_back(entry.path());
  std::filesystem::path seed = test::source_dir() / "../shared/seed/ml-interview-questions.md";
  if (std::filesystem::exists(seed)) documents.push_back(seed);
  REQUIRE(documents.size() >= 8);
  for (const auto& path : documents) {
    INFO(path.string());
    auto text = document(path.filename().string(), read_file(path));
    CHECK(may_cut(*text));
    CHECK(!cut_lines(*text).empty());  // each of them is really cut
    CHECK(in_parts(text) == whole(text));
  }
}

TEST_CASE("import in parts: no cut inside a fence, an HTML block or a list item's open fence") {
  std::string fence =
      "# Bank\n\n## Shell\n\n### How do you print a line?\n\n**Answer:**\n\n```bash\necho hi\n\n# a comment, not a heading\n\n"
      "echo bye\n```\n\n### What is a pipe?\n\nIt joins commands.\n";
  std::string comment =
      "# Bank\n\n## Live\n\n1. **What is X?** It is X.\n\n<!--\nold notes\n\n## Retired section\n\n1. **Gone?** Yes.\n-->\n\n"
      "## Kept\n\n1. **What is Y?** It is Y.\n";
  std::string open_in_item =
      "# Bank\n\n## One\n\n- **What is X?**\n\n  ```\n  code\n\n## Two\n\n- **What is Y?** Y.\n";
  for (const auto& text : {fence, comment, open_in_item}) {
    auto doc = document("hazard.md", text);
    INFO(text);
    CHECK(!cut_lines(*doc).empty());
    CHECK(in_parts(doc) == whole(doc));
  }
  // The checks themselves: the part before a cut inside the fence does not end clean.
  auto doc = document("fence.md", fence);
  int inside = cut_lines(*doc).at(2);
  REQUIRE(doc->line(inside) == "# a comment, not a heading");
  CHECK_FALSE(ends_clean(MarkdownSource(doc, 1, inside - 1)));
  CHECK(ends_clean(MarkdownSource(doc, 1, cut_lines(*doc).at(1) - 1)));
}

TEST_CASE("import in parts: a document with a link reference definition is parsed whole") {
  std::string text =
      "# Bank\n\n## One\n\n### What is X?\n\nX.\n\nResources:\n\n- [The X book][x]\n\n## Two\n\n### What is Y?\n\nY.\n\n"
      "[x]: https://x.example/book\n";
  auto doc = document("refs.md", text);
  CHECK_FALSE(may_cut(*doc));
  std::string parts = in_parts(doc);
  CHECK(parts == whole(doc));
  CHECK(parts.find("resource https://x.example/book") != std::string::npos);
}

TEST_CASE("import in parts: a first part that suggests the wrong question level is recognised again whole") {
  // Alone, the first part (no blank line before its headings: no cut there) holds questions at
  // level 3; the whole document holds them at level 4, and its other level-3 headings are
  // topics. Recognised on the first part's guess, "Setup" and "Tools" would be questions (this
  // test fails with the fallback in recognize_parts.cpp switched off).
  std::string text =
      "# Bank\n## Basics\n### What is X?\n\nX.\n\n## More\n\n### Setup\n\n#### What is Y?\n\nY.\n\n"
      "#### What is Z?\n\nZ.\n\n### Tools\n\n#### What is W?\n\nW.\n\n#### What is V?\n\nV.\n";
  auto doc = document("levels.md", text);
  std::string parts = in_parts(doc);
  CHECK(parts == whole(doc));
  CHECK(parts.find("\nSetup\n") == std::string::npos);  // not a question's text
}
