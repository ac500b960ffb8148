// The sandbox escapes through qbank.yaml (issue 12): a pull request controls the qbank.yaml
// beside the bank, so it must not switch the SSRF protection off, nor point the link cache at
// a file outside the repository, nor get any file that is not a link cache replaced. Each
// test first builds the attack exactly as it worked before the fix.
#include <filesystem>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "test_server.hpp"

namespace fs = std::filesystem;
using qbank::test::read_text;
using qbank::test::run_qbank;
using qbank::test::TempDir;
using qbank::test::TestServer;

namespace {

// A repository (with .git) holding bank/ whose one link points at the loopback server, and
// a victim file outside the repository.
struct Attack {
  TestServer server;
  TempDir outside;
  TempDir dir;
  fs::path repo, bank, victim;
  const std::string victim_text = "precious: do not replace\n";

  Attack() {
    repo = dir.path() / "repo";
    fs::create_directories(repo / ".git");
    bank = dir.write("repo/bank/s.yaml", fmt::format("section: S\nquestions:\n  - id: one\n    question: What is at {}?\n"
                                                     "    answer: Nothing.\n",
                                                     server.url("/ok")))
               .parent_path();
    dir.write("repo/bank/bank.yaml", "title: T\ndeck: D\n");
    victim = outside.write("victim.txt", victim_text);
  }
  void config(const std::string& text) const { dir.write("repo/bank/qbank.yaml", "links:\n  retries: 0\n  timeout: 2s\n" + text); }
  qbank::test::ProcessResult links(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{"links", bank.string(), "--no-progress"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_qbank(args);
  }
};

}  // namespace

TEST_CASE("sandbox: allow-private in a qbank.yaml beside the bank is refused, and no request is made", "[links][sandbox]") {
  Attack a;
  a.config("  allow-private: true\n");
  auto result = a.links();
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("qbank.yaml:4:18: links.allow-private is honoured only on the command line"));
  CHECK(a.server.total_hits() == 0);
  // Every command reads the same file, so lint refuses it too.
  CHECK(run_qbank({"lint", a.bank.string()}).exit_code == 2);
  // The CI job may still allow it: on the command line, or in a file it names.
  fs::remove(a.bank / "qbank.yaml");
  auto named = a.dir.write("ci-links.yaml", "links:\n  allow-private: true\n");
  CHECK(run_qbank({"links", a.bank.string(), "--no-progress", "--config", named.string()}).exit_code == 0);
  CHECK(a.server.hits("/ok") > 0);
}

TEST_CASE("sandbox: a cache path outside the repository is refused before anything is written", "[links][sandbox]") {
  Attack a;
  std::string relative = fs::relative(a.victim, a.bank).string();  // ../../../<outside>/victim.txt
  for (const std::string& path : {a.victim.string(), relative}) {
    INFO(path);
    a.config(fmt::format("  cache: '{}'\n", path));
    auto result = a.links();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("qbank.yaml:4:10: links.cache: '" + path + "' is outside the repository"));
    CHECK(read_text(a.victim) == a.victim_text);
  }
  // A symlink inside the repository that leads out is outside too.
  fs::create_symlink(a.victim, a.repo / "cache.json");
  a.config("  cache: ../cache.json\n");
  CHECK(a.links().exit_code == 2);
  CHECK(read_text(a.victim) == a.victim_text);
  CHECK(fs::is_symlink(a.repo / "cache.json"));
}

TEST_CASE("sandbox: a file that is not a link cache is never replaced, from the config or --cache", "[links][sandbox]") {
  Attack a;
  std::string section = read_text(a.bank / "s.yaml");
  a.config("  cache: s.yaml\n");  // inside the repository, but a section file
  auto result = a.links();
  CHECK(result.exit_code == 0);  // the check itself went fine (the link is blocked: loopback)
  CHECK_THAT(result.err, Catch::Contains("qbank: warning: not updating the link cache"));
  CHECK_THAT(result.err, Catch::Contains("it is not a qbank link cache"));
  CHECK(read_text(a.bank / "s.yaml") == section);

  fs::remove(a.bank / "qbank.yaml");
  result = a.links({"--cache", a.victim.string()});
  CHECK_THAT(result.err, Catch::Contains("not updating the link cache"));
  CHECK(read_text(a.victim) == a.victim_text);

  // A real cache in the repository is written, and rewritten.
  a.config("  cache: .cache/links.json\n");
  CHECK(a.links().exit_code == 0);
  REQUIRE(fs::is_regular_file(a.bank / ".cache/links.json"));
  CHECK(a.links().err.find("not updating") == std::string::npos);
}
