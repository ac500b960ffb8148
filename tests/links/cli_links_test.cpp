// `qbank links` end to end: the built binary on a temp bank whose URLs point at the loopback
// server run by this test process.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "test_server.hpp"

using qbank::test::run_qbank;
using qbank::test::TempDir;
using qbank::test::TestServer;

namespace {

struct Fixture {
  TestServer server;
  TempDir dir;
  std::string bank;
  std::string config;

  explicit Fixture(const std::vector<std::string>& paths, const std::string& extra_config = "") {
    std::string resources;
    for (const auto& path : paths) resources += fmt::format("      - {}\n", server.url(path));
    bank = dir.write("bank/s.yaml", fmt::format("section: Links\n"
                                                "questions:\n"
                                                "  - id: one\n"
                                                "    question: What is at [the ok page]({})?\n"
                                                "    answer: Nothing.\n"
                                                "    difficulty: basic\n"
                                                "    resources:\n{}",
                                                server.url("/ok"), resources))
               .string();
    config = dir.write("qbank.yaml", "links:\n  backoff: 10ms\n  timeout: 500ms\n  retries: 1\n" + extra_config).string();
  }

  qbank::test::ProcessResult run(std::vector<std::string> args) const {
    std::vector<std::string> all{"links", bank, "--config", config, "--no-progress"};
    all.insert(all.end(), args.begin(), args.end());
    return run_qbank(all);
  }
};

}  // namespace

TEST_CASE("qbank links: a dead link fails the run, at its line", "[links][cli]") {
  Fixture f({"/missing", "/moved"});
  auto result = f.run({"--allow-private"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Catch::Contains(fmt::format("s.yaml:8:9: error: dead link {} (HTTP 404) [dead-link]", f.server.url("/missing"))));
  CHECK_THAT(result.out, Catch::Contains(fmt::format("warning: {} moved permanently to {}", f.server.url("/moved"), f.server.url("/ok"))));
  CHECK_THAT(result.out, Catch::Contains("Links: 3 URLs (3 references): 1 ok, 1 redirected, 1 dead"));
  CHECK(f.server.hits("/ok") == 2);  // the Markdown link, and /moved's target
}

TEST_CASE("qbank links: --fail-on never and fail-on in the config", "[links][cli]") {
  Fixture f({"/missing"});
  CHECK(f.run({"--allow-private", "--fail-on", "never"}).exit_code == 0);
  Fixture g({"/broken"});
  CHECK(g.run({"--allow-private"}).exit_code == 0);  // an error is not dead
  CHECK(g.run({"--allow-private", "--fail-on", "error"}).exit_code == 1);
}

TEST_CASE("qbank links: without --allow-private the server sees zero requests", "[links][cli][policy]") {
  Fixture f({"/missing", "/ok"});
  auto result = f.run({});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("[blocked-link]"));
  CHECK_THAT(result.out, Catch::Contains("2 blocked"));
  CHECK(f.server.total_hits() == 0);
}

TEST_CASE("qbank links --format json", "[links][cli]") {
  Fixture f({"/missing"});
  auto result = f.run({"--allow-private", "--format", "json"});
  CHECK(result.exit_code == 1);
  auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["links"].size() == 2);
  const auto& missing = json["links"][0];
  CHECK(missing["url"] == f.server.url("/missing"));
  CHECK(missing["status"] == "dead");
  CHECK(missing["references"][0]["line"] == 8);
  CHECK(json["summary"]["urls"] == 2);
  CHECK(json["summary"]["questions"] == 1);
}

TEST_CASE("qbank links --format markdown and github", "[links][cli]") {
  Fixture f({"/gone"});
  auto markdown = f.run({"--allow-private", "--format", "markdown"});
  CHECK_THAT(markdown.out, Catch::Contains("## Dead links"));
  CHECK_THAT(markdown.out, Catch::Contains(fmt::format("| 8 | {} | HTTP 410 |", f.server.url("/gone"))));
  auto github = f.run({"--allow-private", "--format", "github"});
  CHECK_THAT(github.out, Catch::StartsWith("::error file="));
  CHECK_THAT(github.out, Catch::Contains("s.yaml,line=8,col=9,title=qbank dead-link::dead link"));
}

TEST_CASE("qbank links --against checks only new URLs", "[links][cli]") {
  Fixture f({"/missing", "/gone"});
  std::string reference = f.dir.write("ref/s.yaml", fmt::format("section: Ref\nquestions:\n  - id: r\n    question: q\n    answer: a\n"
                                                                "    difficulty: basic\n    resources:\n      - {}\n",
                                                                f.server.url("/missing")))
                              .string();
  auto result = f.run({"--allow-private", "--against", reference, "--format", "json"});
  CHECK(result.exit_code == 1);  // /gone is new and dead
  CHECK(f.server.hits("/missing") == 0);
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["summary"]["urls"] == 2);  // /ok and /gone
}

TEST_CASE("qbank links --cache: reruns skip healthy URLs and a corrupt cache only warns", "[links][cli][cache]") {
  Fixture f({"/flaky"});
  std::string cache = (f.dir.path() / "cache.json").string();
  f.dir.write("cache.json", "{ this is not json");
  auto first = f.run({"--allow-private", "--cache", cache, "--retries", "3"});
  CHECK(first.exit_code == 0);
  CHECK_THAT(first.err, Catch::Contains("qbank: warning: ignoring link cache"));
  // Not a qbank cache (any more): left alone rather than replaced, with a word.
  CHECK_THAT(first.err, Catch::Contains("qbank: warning: not updating the link cache"));
  CHECK(qbank::test::read_text(cache) == "{ this is not json");
  std::filesystem::remove(cache);
  CHECK(f.run({"--allow-private", "--cache", cache, "--retries", "3"}).exit_code == 0);
  int hits = f.server.total_hits();
  auto second = f.run({"--allow-private", "--cache", cache});
  CHECK(second.exit_code == 0);
  CHECK(second.err.empty());
  CHECK(f.server.total_hits() == hits);
  CHECK_THAT(second.out, Catch::Contains("0 requests, 2 cached"));
}

TEST_CASE("qbank links: --exclude takes one value so a PATH after it stays a PATH", "[links][cli]") {
  Fixture f({"/missing"});
  // The first pattern keeps a regression (PATH swallowed, questions/ checked) off the network.
  auto result = run_qbank({"links", "--config", f.config, "--no-progress", "--allow-private", "--exclude",
                           R"(^https?://(?!127\.0\.0\.1[:/]))", "--exclude", "/missing$", f.bank});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("1 ok, 0 redirected, 0 dead, 0 error, 0 blocked, 1 excluded"));
  CHECK(f.server.hits("/missing") == 0);
}

TEST_CASE("qbank links: config and option mistakes exit 2", "[links][cli]") {
  Fixture f({"/ok"}, "  concurency: 3\n");
  auto result = f.run({"--allow-private"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("unknown key 'links.concurency' (did you mean 'concurrency'?)"));
  Fixture g({"/ok"});
  CHECK(g.run({"--timeout", "soon"}).exit_code == 2);
  CHECK(g.run({"--exclude", "(unclosed"}).exit_code == 2);
  CHECK(g.run({"--concurrency", "0"}).exit_code == 2);
  CHECK(g.server.total_hits() == 0);
}
