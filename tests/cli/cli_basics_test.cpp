// The CLI as a user meets it: help, version, exit codes, the bundled bank.
#include <filesystem>

#include <catch2/catch.hpp>

#include "support/process.hpp"

using qbank::test::run_qbank;

TEST_CASE("qbank --version prints the version and exits 0") {
  auto result = run_qbank({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("qbank ", 0) == 0);
}

TEST_CASE("qbank --help lists every command") {
  auto result = run_qbank({"--help"});
  CHECK(result.exit_code == 0);
  for (auto name : {"lint", "dedup", "links", "export", "rules"}) CHECK(result.out.find(name) != std::string::npos);
}

TEST_CASE("an unknown option is a usage error: exit 2") {
  auto result = run_qbank({"lint", "--no-such-option"});
  CHECK(result.exit_code == 2);
  CHECK_FALSE(result.err.empty());
}

TEST_CASE("no command is a usage error: exit 2") { CHECK(run_qbank({}).exit_code == 2); }

TEST_CASE("the bundled bank lints clean") {
  auto result = run_qbank({"lint", "questions/"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "No problems in 6 files (100 questions)\n");
}

TEST_CASE("a path that does not exist is exit 2 with one clear line") {
  auto result = run_qbank({"lint", "no/such/folder"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "qbank: error: 'no/such/folder' does not exist\n");
}

TEST_CASE("a report that cannot be written to stdout is exit 2 with the reason, not a silent success") {
  if (!std::filesystem::exists("/dev/full")) return;  // a full device to write to
  for (const char* format : {"text", "json"}) {
    INFO(format);
    auto result = qbank::test::run_process(
        {"/bin/sh", "-c", std::string("exec \"$0\" lint questions --format ") + format + " >/dev/full", QBANK_BINARY});
    CHECK(result.exit_code == 2);
    CHECK(result.err == "qbank: error: cannot write the report to stdout: No space left on device\n");
  }
}
