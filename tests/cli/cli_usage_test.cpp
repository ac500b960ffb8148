// Usage as a new user meets it: did-you-mean for commands, options and option values, help
// from `qbank`, `qbank help [CMD]` and --help alike, and one `qbank: error:` prefix for every
// failure, all with exit 2.
#include <catch2/catch.hpp>

#include "support/process.hpp"

using qbank::test::run_qbank;

TEST_CASE("a mistyped command gets a did-you-mean and exit 2") {
  auto result = run_qbank({"lnt", "questions/"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "qbank: error: unknown command 'lnt' (did you mean 'lint'?); 'qbank help' lists them\n");
  CHECK(run_qbank({"expotr"}).err.find("(did you mean 'export'?)") != std::string::npos);
  CHECK(run_qbank({"imprt", "md", "a.md"}).err.find("(did you mean 'import'?)") != std::string::npos);
  // Too far from any command: no guess, still the list.
  CHECK(run_qbank({"frobnicate"}).err == "qbank: error: unknown command 'frobnicate'; 'qbank help' lists them\n");
}

TEST_CASE("a mistyped option gets a did-you-mean before and after its value") {
  auto result = run_qbank({"lint", "--fromat", "json", "questions/"});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "qbank: error: unknown option '--fromat' for 'qbank lint' (did you mean '--format'?); 'qbank lint --help' lists them\n");
  CHECK(run_qbank({"lint", "--fromat=json"}).err.find("(did you mean '--format'?)") != std::string::npos);
  CHECK(run_qbank({"dedup", "--treshold", "0.9"}).err.find("(did you mean '--threshold'?)") != std::string::npos);
  CHECK(run_qbank({"links", "--concurency", "3"}).err.find("(did you mean '--concurrency'?)") != std::string::npos);
  CHECK(run_qbank({"export", "csv", "--outptu", "x.csv"}).err.find("(did you mean '--output'?)") != std::string::npos);
  CHECK(run_qbank({"import", "markdown", "a.md", "-o", "bank", "--dedup"}).err ==
        "qbank: error: unknown option '--dedup' for 'qbank import' (did you mean '--dedupe'?); 'qbank import --help' lists them\n");
  auto top = run_qbank({"--verison"});
  CHECK(top.exit_code == 2);
  CHECK(top.err.find("unknown option '--verison' for 'qbank' (did you mean '--version'?)") != std::string::npos);
  auto short_option = run_qbank({"lint", "-x"});
  CHECK(short_option.exit_code == 2);
  CHECK(short_option.err == "qbank: error: unknown option '-x' for 'qbank lint'; 'qbank lint --help' lists them\n");
}

TEST_CASE("option values are checked against their choices with a did-you-mean") {
  auto result = run_qbank({"lint", "questions/", "--format", "jsno"});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "qbank: error: --format: 'jsno' is not one of text, json, github, sarif (did you mean 'json'?) (see 'qbank lint --help')\n");
  CHECK(run_qbank({"lint", "questions/", "--color", "allways"}).err.find("(did you mean 'always'?)") != std::string::npos);
  CHECK(run_qbank({"links", "questions/", "--fail-on", "daed"}).err.find("(did you mean 'dead'?)") != std::string::npos);
  CHECK(run_qbank({"import", "markdwn", "a.md", "-o", "bank"}).err ==
        "qbank: error: from: 'markdwn' is not one of markdown, md (did you mean 'markdown'?) (see 'qbank import --help')\n");
  CHECK(run_qbank({"import", "md", "a.md", "-o", "bank", "-f", "jsn"}).err.find("(did you mean 'json'?)") != std::string::npos);
  auto export_format = run_qbank({"export", "cvs", "questions/", "-o", "x.csv"});
  CHECK(export_format.exit_code == 2);
  CHECK(export_format.err ==
        "qbank: error: format: 'cvs' is not one of anki, apkg, anki-text, csv, markdown, md (did you mean 'csv'?) "
        "(see 'qbank export --help')\n");
}

TEST_CASE("arguments that only look like options are left alone") {
  // A negative number is a value, and after `--` everything is a PATH.
  auto negative = run_qbank({"dedup", "questions/", "--threshold", "-0.5"});
  CHECK(negative.exit_code == 2);
  CHECK(negative.err.find("unknown option") == std::string::npos);
  auto after_dashes = run_qbank({"lint", "--", "--no-such-folder"});
  CHECK(after_dashes.err == "qbank: error: '--no-such-folder' does not exist\n");
}

TEST_CASE("qbank alone prints the help on stderr and exits 2") {
  auto result = run_qbank({});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == run_qbank({"--help"}).out);
  CHECK(result.err.find("Usage: qbank") != std::string::npos);
}

TEST_CASE("qbank help COMMAND prints the same help as --help on stdout with exit 0") {
  auto help = run_qbank({"help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out == run_qbank({"--help"}).out);
  for (auto command : {"lint", "dedup", "links", "export", "import", "rules", "help"}) {
    auto one = run_qbank({"help", command});
    CHECK(one.exit_code == 0);
    CHECK(one.out == run_qbank({command, "--help"}).out);
    CHECK(one.out.find(std::string("qbank ") + command) != std::string::npos);
  }
  auto unknown = run_qbank({"help", "lnt"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "qbank: error: unknown command 'lnt' (did you mean 'lint'?); 'qbank help' lists them\n");
}

TEST_CASE("every usage error has the qbank: error: prefix on one line") {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"export", "csv", "questions/"},            // a required option missing
           {"lint", "questions/", "--max-warnings", "x"},  // not a number
           {"rules", "a", "b"},                       // one argument too many
           {"lint", "--config"},                      // an option without its value
           {"import", "markdown", "a.md"},            // import's -o BANK_DIR missing
       }) {
    auto result = run_qbank(args);
    INFO(args.front() << " " << args.back() << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.rfind("qbank: error: ", 0) == 0);
    CHECK(result.err.find('\n') == result.err.size() - 1);
  }
}
