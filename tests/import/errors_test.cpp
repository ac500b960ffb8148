// Bad input and bad output paths: a clear `qbank: error: ...` and exit 2, and nothing written
// (no bank folder, no temp folder left beside it).
#include <catch2/catch.hpp>

#include "import_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {

std::vector<std::string> entries(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Imports `doc` into dir/bank and expects exit 2 with `message` in the error and no folder.
void check_refused(const TempDir& dir, const std::filesystem::path& doc, const std::string& message) {
  auto before = entries(dir.path());
  auto result = import_markdown({doc.string()}, dir.path() / "bank");
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.err.starts_with("qbank: error: "));
  CHECK(result.err.find(message) != std::string::npos);
  CHECK(result.out.empty());
  CHECK(entries(dir.path()) == before);
}

}  // namespace

TEST_CASE("import refuses a document that is not UTF-8, naming the line and column") {
  TempDir dir;
  auto doc = dir.write("latin1.md", "# Title\n\n1. **Was ist ein Caf\xE9?**\n");
  check_refused(dir, doc, "latin1.md:3:21: not UTF-8 text (byte 0xE9)");
}

TEST_CASE("import refuses a binary file") {
  TempDir dir;
  auto doc = dir.write("image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  check_refused(dir, doc, "is a binary file, not Markdown (a NUL byte at line 3, column 1)");
}

TEST_CASE("import refuses a document without any question") {
  TempDir dir;
  auto doc = dir.write("notes.md", "# Shopping\n\nMilk and bread.\n\n- eggs\n");
  check_refused(dir, doc, "notes.md: no questions found");
}

TEST_CASE("import refuses a 100 MB document without reading it, as lint does") {
  TempDir dir;
  auto doc = dir.write("huge.md", "");
  std::filesystem::resize_file(doc, 100u << 20);  // sparse: no 100 MB written
  check_refused(dir, doc, "huge.md is 100.0 MiB, over the 16.0 MiB limit for one document (--max-file-size)");
}

TEST_CASE("import refuses an output folder it cannot create") {
  TempDir dir;
  auto doc = import_fixture("qa-pairs.md");
  auto file = dir.write("not-a-folder", "x");
  auto result = import_markdown({doc.string()}, file / "bank");
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("qbank: error: cannot write " + (file / "bank").string()) == 0);
  auto proc = import_markdown({doc.string()}, "/proc/qbank-bank");
  CHECK(proc.exit_code == 2);
  CHECK(proc.err.find("qbank: error: cannot write /proc/qbank-bank: ") == 0);
  CHECK(entries(dir.path()) == std::vector<std::string>{"not-a-folder"});
}

TEST_CASE("import never overwrites a bank folder without --force, and replaces it whole with it") {
  TempDir dir;
  auto out = dir.path() / "bank";
  std::filesystem::create_directories(out);
  dir.write("bank/keep-me.yaml", "section: Mine\nquestions: []\n");
  auto refused = import_markdown({import_fixture("qa-pairs.md").string()}, out);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == "qbank: error: " + out.string() + " already exists: pass --force to replace it\n");
  CHECK(entries(out) == std::vector<std::string>{"keep-me.yaml"});

  auto forced = import_markdown({import_fixture("qa-pairs.md").string()}, out, {"--force"});
  INFO(forced.out << forced.err);
  CHECK(forced.exit_code == 0);
  CHECK(entries(out) == std::vector<std::string>{"01-everyday-git.yaml", "bank.yaml"});
  CHECK(entries(dir.path()) == std::vector<std::string>{"bank"});  // no temp or old folder left
}

TEST_CASE("import refuses a file as output folder even with --force") {
  TempDir dir;
  auto file = dir.write("bank", "not a folder");
  auto result = import_markdown({import_fixture("qa-pairs.md").string()}, file, {"--force"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("exists and is not a folder") != std::string::npos);
  CHECK(read_text(file) == "not a folder");
}

TEST_CASE("import names a missing document, and rejects an unknown source format") {
  TempDir dir;
  auto missing = import_markdown({(dir.path() / "nope.md").string()}, dir.path() / "bank");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nope.md") != std::string::npos);
  auto unknown = run_qbank({"import", "docx", "a.docx", "-o", (dir.path() / "bank").string()});
  CHECK(unknown.exit_code == 2);
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("import: odd and hostile Markdown never crashes: a bank or a clear error") {
  std::string nested_lists, nested_quotes(5000, '>');
  for (int i = 0; i < 300; ++i) nested_lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- What is level " + std::to_string(i) + "?\n";
  const std::vector<std::string> documents{
      "# T\n\n1. **Q?**\n\n<details>\n<summary>x\n\n### h\n\n- [a](#b)\n> quote\n\n```\ncode\n",  // unclosed everything
      "#\n\n##\n\n###\n\n1.\n2.\n",                                                              // empty headings and items
      "---\n---\n***\n",                                                                          // rules only
      nested_lists,
      nested_quotes + " What is deep?\n",
      "**\n\n****\n\n**A:**\n\nQ:\n\nA:\n",                                                       // labels without text
      "<details><summary></summary></details>\n\n<details>\n</details>\n",
      "## Resources\n\n- [no url]()\n- <>\n- [x](javascript:alert(1))\n\n1. **Q?**\n",
      "# T\r\n\r\n1. **What is CRLF?**\r\n   - Line ends.\r\n",
  };
  for (std::size_t i = 0; i < documents.size(); ++i) {
    TempDir dir;
    auto doc = dir.write("doc.md", documents[i]);
    auto result = import_markdown({doc.string()}, dir.path() / "bank");
    INFO("document " << i << ": " << result.out << result.err);
    CHECK((result.exit_code == 0 || result.exit_code == 1 || result.exit_code == 2));
    CHECK((result.exit_code == 2) == result.err.starts_with("qbank: error: "));
    CHECK(result.err.find("terminate") == std::string::npos);
  }
}
