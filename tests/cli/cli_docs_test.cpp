// What `cmake --install` puts beside the binary, generated from the command table: the man
// page and the bash/zsh/fish completions; and the install itself into a temporary prefix.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using qbank::test::read_text;
using qbank::test::run_process;
using qbank::test::run_qbank;
using qbank::test::TempDir;

namespace {

bool have(const std::string& program) {
  return run_process({"/bin/sh", "-c", "command -v \"$1\" >/dev/null", "sh", program}).exit_code == 0;
}

// What bash completion offers for `line` (the words typed so far; the last one is completed).
std::string bash_complete(const std::filesystem::path& script, const std::string& line) {
  auto result = run_process({"/bin/bash", "-c",
                             "source \"$1\"; read -ra COMP_WORDS <<<\"$2\"; [[ $2 == *' ' ]] && COMP_WORDS+=('');"
                             "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _qbank; echo \"${COMPREPLY[*]}\"",
                             "bash", script.string(), line});
  return result.out;
}

}  // namespace

TEST_CASE("the man page holds every command's help") {
  auto man = run_qbank({"help", "--man"});
  CHECK(man.exit_code == 0);
  CHECK(man.out.rfind(".TH QBANK 1 \"\" \"qbank " QBANK_VERSION "\"", 0) == 0);
  for (auto command : {"lint", "dedup", "links", "export", "import", "rules", "help"})
    CHECK(man.out.find(std::string(".SS \"qbank ") + command + "\"") != std::string::npos);
  CHECK(man.out.find("\\-\\-max\\-warnings") != std::string::npos);  // options copy as typed
  CHECK(man.out.find("\n.SH EXIT STATUS\n") != std::string::npos);
  if (have("groff")) {
    TempDir dir;
    auto page = dir.write("qbank.1", man.out);
    auto rendered = run_process({"/bin/sh", "-c", "groff -man -Tutf8 -ww \"$1\" 2>&1 >/dev/null", "sh", page.string()});
    CHECK(rendered.out.empty());  // no groff warnings
  }
}

TEST_CASE("bash completion offers commands and options and choices") {
  TempDir dir;
  auto script = dir.write("qbank.bash", run_qbank({"help", "--completion", "bash"}).out);
  CHECK(bash_complete(script, "qbank l") == "lint links\n");
  CHECK(bash_complete(script, "qbank lint --fo") == "--format\n");
  CHECK(bash_complete(script, "qbank lint --format j") == "json\n");
  CHECK(bash_complete(script, "qbank lint --max-w") == "--max-warnings\n");
  CHECK(bash_complete(script, "qbank links --fail-on ") == "dead error never\n");
  CHECK(bash_complete(script, "qbank help ru") == "rules\n");
  CHECK(bash_complete(script, "qbank help im") == "import\n");
  CHECK(bash_complete(script, "qbank import mark") == "markdown\n");
  CHECK(bash_complete(script, "qbank export an") == "anki anki-text\n");
  CHECK(bash_complete(script, "qbank import md x.md --format ") == "text json\n");
  CHECK(bash_complete(script, "qbank import --de") == "--dedupe --deck\n");
}

TEST_CASE("zsh and fish completions parse and name every command") {
  for (auto shell : {"zsh", "fish"}) {
    auto script = run_qbank({"help", "--completion", shell});
    CHECK(script.exit_code == 0);
    for (auto command : {"lint", "dedup", "links", "export", "import", "rules"}) CHECK(script.out.find(command) != std::string::npos);
    CHECK(script.out.find("max-warnings") != std::string::npos);
    // A flag takes no value: the word after --strict is a PATH, not the flag's argument.
    CHECK(script.out.find(shell == std::string("zsh") ? "'--strict[Exit 1 on any warning (--max-warnings 0)]' " : "-l strict -d 'Exit 1") !=
          std::string::npos);
    if (!have(shell)) {
      WARN(shell << " is not installed: its completion script was not syntax-checked");
      continue;
    }
    TempDir dir;
    auto file = dir.write("completion", script.out);
    auto check = run_process({"/usr/bin/env", shell, "-n", file.string()});
    INFO(check.err);
    CHECK(check.exit_code == 0);
  }
  auto tcsh = run_qbank({"help", "--completion", "tcsh"});
  CHECK(tcsh.exit_code == 2);
  CHECK(tcsh.err.rfind("qbank: error: --completion: 'tcsh' is not one of bash, zsh, fish", 0) == 0);
}

TEST_CASE("cmake --install puts the binary and its documents under the prefix") {
  TempDir dir;
  auto install = run_process({QBANK_CMAKE, "--install", QBANK_BUILD_DIR, "--prefix", dir.path().string()});
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);
  for (auto file : {"bin/qbank", "share/man/man1/qbank.1", "share/bash-completion/completions/qbank",
                    "share/zsh/vendor-completions/_qbank", "share/fish/vendor_completions.d/qbank.fish",
                    "share/doc/qbank/README.md", "share/qbank/schemas/bank.schema.json", "share/qbank/schemas/section.schema.json"}) {
    INFO(file);
    CHECK(std::filesystem::file_size(dir.path() / file) > 0);
  }
  CHECK(read_text(dir.path() / "share/man/man1/qbank.1") == run_qbank({"help", "--man"}).out);
  auto version = run_process({(dir.path() / "bin/qbank").string(), "--version"});
  CHECK(version.out == "qbank " QBANK_VERSION "\n");
}
