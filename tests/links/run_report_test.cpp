// The pipeline (exclude, --against skip, cache across runs) against the loopback server, and
// the reports built from its results.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "links/report.hpp"
#include "links/run.hpp"
#include "support/temp_dir.hpp"
#include "test_server.hpp"

using namespace qbank::links;
using qbank::SourceLocation;
using qbank::test::TestServer;

namespace {

LinksSettings fast_settings() {
  LinksSettings settings;
  settings.check.policy.allow_private = true;
  settings.check.timeout = Millis(300);
  settings.check.backoff = Millis(10);
  settings.check.retries = 1;
  return settings;
}

std::vector<Link> links_for(const TestServer& server, const std::vector<std::string>& paths) {
  std::vector<Link> links;
  int line = 1;
  for (const auto& path : paths) links.push_back({server.url(path), {{"s.yaml", ++line, 7}}});
  return links;
}

const LinkResult& result_for(const LinkRun& run, const std::string& url) {
  for (const auto& result : run.results)
    if (result.link.url == url) return result;
  FAIL("no result for " << url);
  throw;
}

}  // namespace

TEST_CASE("a second run with the cache makes no requests for healthy URLs", "[links][run][cache]") {
  TestServer server;
  qbank::test::TempDir dir;
  LinksSettings settings = fast_settings();
  settings.cache_file = dir.path() / "links-cache.json";
  auto paths = std::vector<std::string>{"/ok", "/moved", "/missing"};

  LinkRun first = run_links(links_for(server, paths), settings);
  CHECK(first.requests == 3);
  CHECK(first.warnings.empty());
  CHECK(std::filesystem::exists(*settings.cache_file));

  LinkRun second = run_links(links_for(server, paths), settings);
  CHECK(server.hits("/ok") == 2);  // once itself, once as /moved's target; not again
  CHECK(server.hits("/moved") == 1);
  CHECK(server.hits("/missing") == 2);  // dead links are always re-checked
  CHECK(second.requests == 1);
  CHECK(result_for(second, server.url("/ok")).outcome.cached);
  CHECK(result_for(second, server.url("/moved")).outcome.verdict == Verdict::redirected);
  CHECK(result_for(second, server.url("/moved")).outcome.final_url == server.url("/ok"));
  CHECK(result_for(second, server.url("/missing")).outcome.verdict == Verdict::dead);
}

TEST_CASE("a truncated cache file is a warning and is replaced", "[links][run][cache]") {
  TestServer server;
  qbank::test::TempDir dir;
  LinksSettings settings = fast_settings();
  // A cache of ours cut short (qbank writes atomically, but a copy can be torn); a file that
  // does not start as qbank writes its cache is never replaced (tests/links/cli_sandbox_test.cpp).
  settings.cache_file = dir.write("cache.json", "{\n \"links\": [\n  {\n   \"checked_at\": 17");
  LinkRun run = run_links(links_for(server, {"/ok"}), settings);
  REQUIRE(run.warnings.size() == 1);
  CHECK_THAT(run.warnings[0], Catch::Contains("cache.json"));
  CHECK(run.results[0].outcome.verdict == Verdict::ok);
  auto saved = nlohmann::json::parse(qbank::read_file(*settings.cache_file));
  CHECK(saved["links"].size() == 1);
}

TEST_CASE("excluded and skipped URLs are not requested", "[links][run]") {
  TestServer server;
  LinksSettings settings = fast_settings();
  settings.check.policy.exclude_patterns = {"/gone$"};
  LinkRun run = run_links(links_for(server, {"/ok", "/gone", "/missing"}), settings, {server.url("/missing")});
  REQUIRE(run.results.size() == 2);
  CHECK(result_for(run, server.url("/gone")).outcome.verdict == Verdict::excluded);
  CHECK(server.hits("/gone") == 0);
  CHECK(server.hits("/missing") == 0);
  CHECK(server.hits("/ok") == 1);
}

TEST_CASE("reports: json fields, markdown grouping, diagnostics per reference, exit policy", "[links][report]") {
  LinkRun run;
  run.results.push_back({{"https://a.org/dead", {{"b.yaml", 9, 5}, {"a.yaml", 3, 7}}}, Outcome{Verdict::dead, 404, "", 1, 20, "HTTP 404"}});
  run.results.push_back({{"https://a.org/moved", {{"a.yaml", 4, 7}}}, Outcome{Verdict::redirected, 200, "https://a.org/new", 1, 20, "moved permanently (HTTP 301)"}});
  run.results.push_back({{"https://a.org/down", {{"a.yaml", 5, 7}}}, Outcome{Verdict::error, 503, "", 4, 20, "HTTP 503 after 4 attempts"}});
  run.results.push_back({{"https://a.org/fine", {{"a.yaml", 6, 7}}}, Outcome{Verdict::ok, 200, "", 1, 20, "HTTP 200"}});
  run.requests = 7;

  auto json = nlohmann::json::parse(render_json(run, {2, 10}, link_diagnostics(run.results)));
  REQUIRE(json["links"].size() == 4);
  CHECK(json["links"][0]["rule"] == "dead-link");
  CHECK(json["links"][3]["rule"].is_null());
  REQUIRE(json["diagnostics"].size() == 4);  // one per reference of each problem URL
  CHECK(json["diagnostics"][0]["rule"] == "dead-link");
  CHECK(json["summary"]["errors"] == 2);
  const auto& dead = json["links"][0];
  CHECK(dead["url"] == "https://a.org/dead");
  CHECK(dead["status"] == "dead");
  CHECK(dead["http_status"] == 404);
  CHECK(dead["final_url"].is_null());
  CHECK(dead["attempts"] == 1);
  CHECK(dead["references"][1] == nlohmann::json{{"file", "a.yaml"}, {"line", 3}, {"column", 7}});
  CHECK(json["links"][1]["final_url"] == "https://a.org/new");
  CHECK(json["summary"]["dead"] == 1);
  CHECK(json["summary"]["requests"] == 7);
  CHECK(json["summary"]["references"] == 5);

  std::string markdown = render_markdown(run, {2, 10});
  CHECK_THAT(markdown, Catch::StartsWith("# Link check report\n\n**1 dead**, 1 redirected, 1 could not be checked, 1 ok (4 URLs in 2 files, 10 questions)\n"));
  CHECK_THAT(markdown, Catch::Contains("### a.yaml\n\n| Line | URL | Status |\n|---:|---|---|\n| 3 | https://a.org/dead | HTTP 404 |"));
  CHECK_THAT(markdown, Catch::Contains("### b.yaml"));
  CHECK_THAT(markdown, Catch::Contains("| https://a.org/moved | https://a.org/new | a.yaml:4 |"));
  CHECK_THAT(markdown, Catch::Contains("| https://a.org/down | error: HTTP 503 after 4 attempts | a.yaml:5 |"));

  auto diagnostics = link_diagnostics(run.results);
  REQUIRE(diagnostics.size() == 4);
  CHECK(diagnostics[0].rule == "dead-link");
  CHECK(diagnostics[1].rule == "dead-link");
  CHECK(diagnostics[2].rule == "redirected-link");
  CHECK(diagnostics[2].hint == "replace it with https://a.org/new");
  CHECK(diagnostics[3].rule == "unreachable-link");

  CHECK(fails(run.results, FailOn::dead));
  CHECK_FALSE(fails(run.results, FailOn::never));
  run.results.erase(run.results.begin());
  CHECK_FALSE(fails(run.results, FailOn::dead));
  CHECK(fails(run.results, FailOn::error));
}
