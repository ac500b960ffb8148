// `qbank export` says what it did: one summary line per export, what --force left out,
// refusals for a package on a terminal and a --previous that means nothing, format aliases;
// and the outputs' own honesty: CSV's formula guard, Anki ids in the past, the Markdown
// export's headings, control characters and Anki syntax made inert.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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

TEST_CASE("every export prints one summary line naming the file and what it holds") {
  TempDir dir;
  fs::path bank = source_dir() / "questions";
  auto anki = export_bank("anki", bank, dir.path() / "deck.apkg", k_epoch);
  REQUIRE(anki.exit_code == 0);
  CHECK(anki.err == "qbank: wrote " + (dir.path() / "deck.apkg").string() + ": 100 notes in 5 decks\n");
  auto csv = export_bank("csv", bank, dir.path() / "q.csv", k_epoch);
  CHECK(csv.err == "qbank: wrote " + (dir.path() / "q.csv").string() + ": 100 rows in 5 sections\n");
  auto md = export_bank("markdown", bank, "-", k_epoch);
  CHECK(md.err == "qbank: wrote stdout: 100 questions in 5 sections\n");
  auto text = export_bank("anki-text", bank, dir.path() / "q.txt", k_epoch);
  CHECK(text.err == "qbank: wrote " + (dir.path() / "q.txt").string() + ": 100 notes in 5 decks\n");
}

TEST_CASE("with --previous the summary counts the notes changed since that package") {
  TempDir dir;
  fs::path bank = write_bank(dir, "section: S\nquestions:\n  - {id: a, question: \"A?\", answer: One.}\n"
                                  "  - {id: b, question: \"B?\", answer: Two.}\n  - {id: c, question: \"C?\", answer: Three.}\n");
  REQUIRE(export_bank("anki", bank, dir.path() / "old.apkg", k_epoch).exit_code == 0);
  dir.write("bank/01.yaml", "section: S\nquestions:\n  - {id: a, question: \"A?\", answer: One.}\n"
                            "  - {id: b, question: \"B?\", answer: Two edited.}\n  - {id: c, question: \"C?\", answer: Three.}\n"
                            "  - {id: d, question: \"D?\", answer: Four.}\n");
  auto result = export_bank("anki", bank, dir.path() / "new.apkg", k_epoch + 60,
                            {"--previous", (dir.path() / "old.apkg").string()});
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.find(": 4 notes in 1 deck (2 changed since --previous)\n") != std::string::npos);
}

TEST_CASE("with --force the summary says what was left out and why") {
  TempDir dir;
  fs::path bank = write_bank(dir, "section: S\nquestions:\n  - {id: a, question: \"A?\", answer: One.}\n"
                                  "  - {id: a, question: \"Again?\", answer: Two.}\n");
  dir.write("bank/02.yaml", "section: Broken\nquestions: [\n");
  auto result = export_bank("anki", bank, dir.path() / "deck.apkg", k_epoch, {"--force"});
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.find(": 1 note in 1 deck\nqbank: left out (--force):\n") != std::string::npos);
  CHECK(result.err.find("  " + (bank / "02.yaml").string() + ": the whole file, which does not load (") != std::string::npos);
  CHECK(result.err.find("  question 'a' at " + (bank / "01.yaml").string() +
                        ":4: its id is used before; only the first question with it is exported\n") != std::string::npos);
}

TEST_CASE("export -o - refuses to write a package to a terminal, not text") {
  int master = -1;
  auto run_on_pty = [&](const std::string& format) {
    pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
    if (pid == 0) {
      int null = open("/dev/null", O_WRONLY);
      dup2(null, 2);
      execl(QBANK_BINARY, QBANK_BINARY, "export", format.c_str(), (source_dir() / "questions").c_str(), "-o", "-", nullptr);
      _exit(127);
    }
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = read(master, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
    int status = 0;
    waitpid(pid, &status, 0);
    close(master);
    return std::pair(WEXITSTATUS(status), out);
  };
  auto [anki_code, anki_out] = run_on_pty("apkg");
  CHECK(anki_code == 2);
  CHECK(anki_out.empty());
  auto [md_code, md_out] = run_on_pty("md");
  CHECK(md_code == 0);
  CHECK(md_out.find("Machine Learning Interview Questions") != std::string::npos);
  // Not a terminal: the package streams.
  auto piped = export_bank("anki", tricky_bank(), "-", k_epoch);
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.starts_with("PK"));
}

TEST_CASE("export --previous with a format that has no use for it is an error") {
  TempDir dir;
  auto result = export_bank("csv", tricky_bank(), dir.path() / "x.csv", k_epoch, {"--previous", "old.apkg"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "qbank: error: --previous is for the anki format (it keeps unchanged notes' times); csv has no use for it\n");
  CHECK(folder_entries(dir.path()).empty());
}

TEST_CASE("apkg and md are aliases of anki and markdown, listed in --help") {
  TempDir dir;
  REQUIRE(export_bank("apkg", tricky_bank(), dir.path() / "a.apkg", k_epoch).exit_code == 0);
  REQUIRE(export_bank("anki", tricky_bank(), dir.path() / "b.apkg", k_epoch).exit_code == 0);
  CHECK(read_text(dir.path() / "a.apkg") == read_text(dir.path() / "b.apkg"));
  REQUIRE(export_bank("md", tricky_bank(), dir.path() / "a.md", k_epoch).exit_code == 0);
  REQUIRE(export_bank("markdown", tricky_bank(), dir.path() / "b.md", k_epoch).exit_code == 0);
  CHECK(read_text(dir.path() / "a.md") == read_text(dir.path() / "b.md"));
  auto help = run_qbank({"export", "--help"});
  CHECK(help.out.find("anki (apkg)") != std::string::npos);
  CHECK(help.out.find("markdown (md)") != std::string::npos);
}

TEST_CASE("csv guards what a spreadsheet evaluates and leaves ordinary Markdown alone") {
  TempDir dir;
  fs::path bank = write_bank(dir, R"Y(section: S
questions:
  - {id: a, question: "=1+1", answer: "- a list item"}
  - {id: b, question: "+1", answer: "-1+2"}
  - {id: c, question: "@SUM(A1)", answer: "-(3)"}
  - {id: d, question: "What is -- this?", answer: "\u00A0=1+1"}
  - {id: e, question: "\uFF1D1+1?", answer: "- [x] done"}
)Y");
  auto result = export_bank("csv", bank, dir.path() / "out.csv", k_epoch, {"--force"});
  REQUIRE(result.exit_code == 0);
  std::string csv = read_text(dir.path() / "out.csv");
  for (std::string guarded : {"\"'=1+1\"", "\"'+1\"", "\"'-1+2\"", "\"'@SUM(A1)\"", "\"'-(3)\""}) {
    INFO(guarded);
    CHECK(csv.find(guarded) != std::string::npos);
  }
  // LibreOffice 7.4 (Debian 12) reads a leading NBSP or a fullwidth ＝ as text: not guarded.
  for (std::string plain : {"\"- a list item\"", "\"What is -- this?\"", "\"\xC2\xA0=1+1\"", "\"\xEF\xBC\x9D" "1+1?\"",
                            "\"- [x] done\""}) {
    INFO(plain);
    CHECK(csv.find(plain) != std::string::npos);
  }
}
