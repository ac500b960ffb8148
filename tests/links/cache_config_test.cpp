// The cache file (freshness, what is kept, corrupt files) and the `links:` config section.
#include <filesystem>

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "links/cache.hpp"
#include "links/config.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::links;
using std::chrono::seconds;

TEST_CASE("the cache keeps healthy outcomes and round-trips them", "[links][cache]") {
  Cache cache;
  cache.record("https://a.org/", Outcome{Verdict::ok, 200, "", 1, 12, "HTTP 200"}, 1000);
  cache.record("https://b.org/", Outcome{Verdict::redirected, 200, "https://c.org/", 1, 12, "moved"}, 1000);
  cache.record("https://d.org/", Outcome{Verdict::dead, 404, "", 1, 12, "HTTP 404"}, 1000);
  cache.record("https://e.org/", Outcome{Verdict::error, 0, "", 3, 12, "timed out"}, 1000);
  CHECK(cache.size() == 2);

  Cache loaded = Cache::parse(cache.serialize(), seconds(3600), 1500);
  auto a = loaded.find("https://a.org/");
  REQUIRE(a);
  CHECK(a->verdict == Verdict::ok);
  CHECK(a->cached);
  CHECK(a->attempts == 0);
  auto b = loaded.find("https://b.org/");
  REQUIRE(b);
  CHECK(b->final_url == "https://c.org/");
  CHECK_FALSE(loaded.find("https://d.org/"));
}

TEST_CASE("stale cache entries are dropped", "[links][cache]") {
  Cache cache;
  cache.record("https://a.org/", Outcome{Verdict::ok, 200, "", 1, 12, "HTTP 200"}, 1000);
  CHECK(Cache::parse(cache.serialize(), seconds(100), 1099).find("https://a.org/"));
  CHECK_FALSE(Cache::parse(cache.serialize(), seconds(100), 1101).find("https://a.org/"));
}

TEST_CASE("a URL that went dead leaves the cache", "[links][cache]") {
  Cache cache;
  cache.record("https://a.org/", Outcome{Verdict::ok, 200, "", 1, 12, ""}, 1000);
  cache.record("https://a.org/", Outcome{Verdict::dead, 404, "", 1, 12, ""}, 1001);
  CHECK(cache.size() == 0);
}

TEST_CASE("corrupt, truncated or foreign cache files are warnings, not failures", "[links][cache]") {
  qbank::test::TempDir dir;
  Cache good;
  good.record("https://a.org/", Outcome{Verdict::ok, 200, "", 1, 12, ""}, unix_now());
  std::string text = good.serialize();
  for (std::string bad : {text.substr(0, text.size() / 2), std::string("\x00\xff garbage", 10), std::string("{\"version\": 99, \"links\": []}"),
                          std::string("[1,2,3]")}) {
    auto file = dir.write("cache.json", bad);
    std::vector<std::string> warnings;
    Cache cache = Cache::load(file, seconds(3600), unix_now(), warnings);
    CHECK(cache.size() == 0);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("ignoring link cache"));
  }
  std::vector<std::string> warnings;
  CHECK(Cache::load(dir.path() / "absent.json", seconds(3600), unix_now(), warnings).size() == 0);
  CHECK(warnings.empty());
}

TEST_CASE("durations", "[links][config]") {
  CHECK(parse_duration("250ms") == Millis(250));
  CHECK(parse_duration("10") == Millis(10'000));
  CHECK(parse_duration("1.5s") == Millis(1500));
  CHECK(parse_duration("5m") == Millis(300'000));
  CHECK(parse_duration("1d") == Millis(86'400'000));
  CHECK_FALSE(parse_duration("soon"));
  CHECK_FALSE(parse_duration("-1s"));
  CHECK_FALSE(parse_duration("10 parsecs"));
}

TEST_CASE("the links section sets every knob", "[links][config]") {
  LinksSettings settings;
  apply_config(nlohmann::json{{"concurrency", 8},     {"per-host", 2},        {"timeout", "2s"},      {"retries", 1},
                              {"backoff", "50ms"},    {"retry-after-max", 5}, {"max-redirects", 3},  {"body-cap", "1KiB"},
                              {"allow-private", true}, {"exclude", {"a", "b"}}, {"cache", "c.json"}, {"max-age", "2h"},
                              {"fail-on", "error"},   {"total-timeout", "1m"}},
               "qbank.yaml", settings);
  CHECK(settings.check.concurrency == 8);
  CHECK(settings.check.per_host == 2);
  CHECK(settings.check.timeout == Millis(2000));
  CHECK(settings.check.retries == 1);
  CHECK(settings.check.backoff == Millis(50));
  CHECK(settings.check.retry_after_max == Millis(5000));
  CHECK(settings.check.max_redirects == 3);
  CHECK(settings.check.body_cap == 1024);
  CHECK(settings.check.policy.allow_private);
  CHECK(settings.check.policy.exclude_patterns == std::vector<std::string>{"a", "b"});
  CHECK(settings.cache_file == std::filesystem::path("c.json"));
  CHECK(settings.max_age == seconds(7200));
  CHECK(settings.fail_on == FailOn::error);
  CHECK(settings.check.total_timeout == Millis(60'000));
}

TEST_CASE("config mistakes are errors with a did-you-mean", "[links][config]") {
  LinksSettings settings;
  CHECK_THROWS_WITH(apply_config(nlohmann::json{{"concurency", 8}}, "q/qbank.yaml", settings),
                    "q/qbank.yaml: unknown key 'links.concurency' (did you mean 'concurrency'?)");
  CHECK_THROWS_WITH(apply_config(nlohmann::json{{"concurrency", 0}}, "qbank.yaml", settings),
                    "qbank.yaml: links.concurrency: '0' is not a whole number >= 1");
  CHECK_THROWS_WITH(apply_config(nlohmann::json{{"timeout", "soon"}}, "qbank.yaml", settings),
                    "qbank.yaml: links.timeout: 'soon' is not a duration such as 500ms, 10s or 5m");
  CHECK_THROWS_AS(apply_config(nlohmann::json{{"fail-on", "sometimes"}}, "qbank.yaml", settings), qbank::Error);
  CHECK_THROWS_AS(apply_config(nlohmann::json::array(), "qbank.yaml", settings), qbank::Error);
}

TEST_CASE("saving the cache makes its folder, as on a fresh checkout", "[links][cache]") {
  qbank::test::TempDir dir;
  Cache cache;
  cache.record("https://a.org/", Outcome{Verdict::ok, 200, "", 1, 12, "HTTP 200"}, 1000);
  auto file = dir.path() / ".cache" / "links.json";
  cache.save(file);
  REQUIRE(std::filesystem::is_regular_file(file));
}
