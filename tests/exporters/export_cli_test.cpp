// `qbank export` as a user meets it: refusal on lint errors, --force, stdout, atomic writes,
// the format list in --help, usage errors.
#include <catch2/catch.hpp>

#include <fstream>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

TEST_CASE("export --help lists the formats from the registry") {
  auto result = run_qbank({"export", "--help"});
  CHECK(result.exit_code == 0);
  for (auto name : {"anki ", "anki-text", "csv", "markdown", "--previous", "--bom", "--raw", "--force"})
    CHECK(result.out.find(name) != std::string::npos);
}

TEST_CASE("export refuses a bank with lint errors, says which, and writes nothing") {
  TempDir dir;
  auto out = dir.path() / "seed.csv";
  auto result = export_bank("csv", source_dir() / "tests/fixtures/seed-naive", out, 1700000000);
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.find("error:") != std::string::npos);
  CHECK(result.err.find("[schema]") != std::string::npos);
  CHECK(result.err.find("warning:") == std::string::npos);  // only the errors that block the export
  CHECK(result.err.find("\nqbank: error: export refused: the bank has ") != std::string::npos);  // greppable like every failure
  CHECK(folder_entries(dir.path()).empty());
  // One error is "it".
  dir.write("one/bank.yaml", "title: T\ndeck: T\n");
  dir.write("one/01.yaml", "section: S\nquestions:\n  - id: a\n    question: What is A?\n    answer: TBD\n");
  auto one = export_bank("csv", dir.path() / "one", dir.path() / "one.csv", 1700000000);
  CHECK(one.exit_code == 1);
  CHECK(one.err.ends_with("\nqbank: error: export refused: the bank has 1 lint error (fix it, or export anyway with --force)\n"));
}

TEST_CASE("export --force exports a bank with lint errors anyway") {
  TempDir dir;
  auto out = dir.path() / "seed.apkg";
  auto result = export_bank("anki", source_dir() / "tests/fixtures/seed-naive", out, 1700000000, {"--force"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("exporting despite") != std::string::npos);
  CHECK(folder_entries(dir.path()) == std::vector<std::string>{"seed.apkg"});
}

TEST_CASE("an Anki export without bank.yaml warns that the notes' identity follows a fallback deck name") {
  TempDir dir;
  dir.write("bank/bank.yaml", "title: T\ndeck: Mine\n");
  auto section = dir.write("bank/01.yaml", "section: S\nquestions:\n  - id: a\n    question: What is A?\n    answer: A thing.\n");
  dir.write("bare/01.yaml", "section: S\nquestions:\n  - id: a\n    question: What is A?\n    answer: A thing.\n");
  const std::string warning = "qbank: warning: no bank.yaml in this export: the deck is ";
  // The folder: bank.yaml is read, no warning.
  auto folder = export_bank("anki", dir.path() / "bank", dir.path() / "a.apkg", 1700000000);
  CHECK(folder.exit_code == 0);
  CHECK(folder.err.find(warning) == std::string::npos);
  // One file of it: the deck falls back to "qbank".
  auto file = export_bank("anki-text", section, dir.path() / "b.txt", 1700000000);
  CHECK(file.exit_code == 0);
  CHECK(file.err.find(warning + "'qbank' and the notes' GUIDs follow it; export the bank folder") != std::string::npos);
  // A folder without bank.yaml: its name.
  auto bare = export_bank("anki", dir.path() / "bare", dir.path() / "c.apkg", 1700000000);
  CHECK(bare.err.find(warning + "'bare' and the notes' GUIDs follow it; add a bank.yaml") != std::string::npos);
  // Formats without note identity say nothing.
  CHECK(export_bank("csv", section, dir.path() / "d.csv", 1700000000).err.find(warning) == std::string::npos);
}

TEST_CASE("export -o - writes to stdout, the same bytes as the file") {
  TempDir dir;
  for (std::string format : {"csv", "anki", "markdown", "anki-text"}) {
    INFO(format);
    auto piped = export_bank(format, tricky_bank(), "-", 1700000000);
    REQUIRE(piped.exit_code == 0);
    REQUIRE(export_bank(format, tricky_bank(), dir.path() / "file", 1700000000).exit_code == 0);
    CHECK(piped.out == read_text(dir.path() / "file"));
  }
}

TEST_CASE("export writes atomically: no temp files after success, an old target untouched on failure") {
  TempDir dir;
  auto out = dir.path() / "deck.apkg";
  REQUIRE(export_bank("anki", tricky_bank(), out, 1700000000).exit_code == 0);
  CHECK(folder_entries(dir.path()) == std::vector<std::string>{"deck.apkg"});

  std::ofstream(out, std::ios::binary | std::ios::trunc) << "OLD";
  auto bogus = dir.write("old.apkg", "not a zip");
  auto failed = export_bank("anki", tricky_bank(), out, 1700000000, {"--previous", bogus.string()});
  CHECK(failed.exit_code == 2);
  CHECK(read_text(out) == "OLD");
  CHECK(folder_entries(dir.path()) == std::vector<std::string>{"deck.apkg", "old.apkg"});

  // A refused export leaves the old file as it was too.
  CHECK(export_bank("markdown", source_dir() / "tests/fixtures/seed-naive", out, 1700000000).exit_code == 1);
  CHECK(read_text(out) == "OLD");
}

TEST_CASE("export usage errors are exit 2") {
  CHECK(run_qbank({"export", "pdf", "questions", "-o", "x.pdf"}).exit_code == 2);
  CHECK(run_qbank({"export", "csv", "questions"}).exit_code == 2);  // -o is required
  auto bad_epoch = run_qbank({"export", "csv", "questions", "-o", "-"}, {}, {{"SOURCE_DATE_EPOCH", "yesterday"}});
  CHECK(bad_epoch.exit_code == 2);
  CHECK(bad_epoch.err == "qbank: error: SOURCE_DATE_EPOCH must be a number of seconds, not 'yesterday'\n");
  TempDir dir;
  auto missing_folder = export_bank("csv", tricky_bank(), dir.path() / "no/such/dir/out.csv", 1700000000);
  CHECK(missing_folder.exit_code == 2);
}

TEST_CASE("export reads its defaults from qbank.yaml's export section and rejects unknown keys") {
  TempDir dir;
  auto config = dir.write("qbank.yaml", "export:\n  bom: true\n");
  auto result = export_bank("csv", tricky_bank(), dir.path() / "out.csv", 1700000000, {"--config", config.string()});
  REQUIRE(result.exit_code == 0);
  CHECK(read_text(dir.path() / "out.csv").rfind("\xEF\xBB\xBF", 0) == 0);

  auto typo = dir.write("typo.yaml", "export:\n  bmo: true\n");
  auto bad = export_bank("csv", tricky_bank(), dir.path() / "out2.csv", 1700000000, {"--config", typo.string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("typo.yaml:2:3: unknown key 'export.bmo' (did you mean 'bom'?)") != std::string::npos);
}
