// The checker against a real loopback server: verdicts, attempt counts (seen by the server),
// the per-host and global limits, and the private-address refusal (zero requests).
#include <catch2/catch.hpp>

#include "links/checker.hpp"
#include "test_server.hpp"

using namespace qbank::links;
using qbank::test::TestServer;

namespace {

// Short timeouts and backoffs so the suite stays fast; the server is on 127.0.0.1.
CheckOptions fast_options() {
  CheckOptions options;
  options.policy.allow_private = true;
  options.timeout = Millis(300);
  options.backoff = Millis(10);
  options.retry_after_max = Millis(200);
  options.retries = 2;
  options.max_redirects = 5;
  options.body_cap = 1024;
  return options;
}

Outcome check_one(const std::string& url, const CheckOptions& options = fast_options()) {
  auto outcomes = check_urls({url}, options);
  REQUIRE(outcomes.size() == 1);
  return outcomes[0];
}

}  // namespace

TEST_CASE("a healthy URL is ok after one HEAD request", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/ok"));
  CHECK(o.verdict == Verdict::ok);
  CHECK(o.http_status == 200);
  CHECK(o.attempts == 1);
  CHECK(o.final_url.empty());
  CHECK(server.hits("/ok", "HEAD") == 1);
  CHECK(server.hits("/ok", "GET") == 0);
}

TEST_CASE("404 and 410 are dead at once, without retries", "[links][checker]") {
  TestServer server;
  auto outcomes = check_urls({server.url("/missing"), server.url("/gone")}, fast_options());
  CHECK(outcomes[0].verdict == Verdict::dead);
  CHECK(outcomes[0].http_status == 404);
  CHECK(outcomes[1].verdict == Verdict::dead);
  CHECK(outcomes[1].http_status == 410);
  CHECK(outcomes[0].attempts == 1);
  CHECK(server.hits("/missing") == 1);
  CHECK(server.hits("/gone") == 1);
}

TEST_CASE("a persistent 500 is retried and then an error, not dead", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/broken"));
  CHECK(o.verdict == Verdict::error);
  CHECK(o.http_status == 500);
  CHECK(o.attempts == 3);
  CHECK(server.hits("/broken") == 3);
  CHECK_THAT(o.detail, Catch::Contains("HTTP 500") && Catch::Contains("3 attempts"));
}

TEST_CASE("a flaky server (503, 503, 200) is ok after retries", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/flaky"));
  CHECK(o.verdict == Verdict::ok);
  CHECK(o.attempts == 3);
  CHECK(server.hits("/flaky") == 3);
}

TEST_CASE("429 waits for Retry-After, capped, then succeeds", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/limited"));
  CHECK(o.verdict == Verdict::ok);
  CHECK(o.attempts == 2);
  // Retry-After says 30 s; the cap is 200 ms and the backoff only 10 ms.
  CHECK(o.elapsed_ms >= 190);
  CHECK(o.elapsed_ms < 10'000);
}

TEST_CASE("a server that refuses HEAD gets a GET", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/head405"));
  CHECK(o.verdict == Verdict::ok);
  CHECK(o.attempts == 2);
  CHECK(server.hits("/head405", "HEAD") == 1);
  CHECK(server.hits("/head405", "GET") == 1);
}

TEST_CASE("403 on HEAD gets a GET, and 403 on GET too is an error, not dead", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/forbidden"));
  CHECK(o.verdict == Verdict::error);
  CHECK(o.http_status == 403);
  CHECK(server.hits("/forbidden", "GET") == 1);
}

TEST_CASE("the GET fallback stops reading a huge body at the cap", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/huge"));
  CHECK(o.verdict == Verdict::ok);
  CHECK(o.http_status == 200);
  CHECK(o.attempts == 2);
  // Socket buffers take a few MB before the server notices; never the whole 64 MiB.
  CHECK(server.huge_bytes_sent() < TestServer::k_huge_size / 4);
}

TEST_CASE("redirects: permanent is reported with its target, temporary chains are ok", "[links][checker]") {
  TestServer server;
  auto outcomes = check_urls({server.url("/moved"), server.url("/moved308"), server.url("/chain/3")}, fast_options());
  CHECK(outcomes[0].verdict == Verdict::redirected);
  CHECK(outcomes[0].final_url == server.url("/ok"));
  CHECK(outcomes[0].http_status == 200);
  CHECK(outcomes[1].verdict == Verdict::redirected);
  CHECK(outcomes[2].verdict == Verdict::ok);
  CHECK(outcomes[2].final_url == server.url("/ok"));
  CHECK(server.hits("/chain/0") == 1);
}

TEST_CASE("a redirect loop stops at the redirect limit", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/loop/a"));
  CHECK(o.verdict == Verdict::error);
  CHECK_THAT(o.detail, Catch::Contains("redirects"));
  CHECK(server.hits("/loop/a") + server.hits("/loop/b") == 6);  // the first request + 5 redirects
}

TEST_CASE("a redirect to a non-http scheme is blocked", "[links][checker]") {
  TestServer server;
  Outcome o = check_one(server.url("/to-ftp"));
  CHECK(o.verdict == Verdict::blocked);
}

TEST_CASE("a slow server times out, is retried, then is an error", "[links][checker]") {
  TestServer server;
  CheckOptions options = fast_options();
  options.retries = 1;
  Outcome o = check_one(server.url("/slow"), options);
  CHECK(o.verdict == Verdict::error);
  CHECK(o.attempts == 2);
  CHECK_THAT(o.detail, Catch::Contains("timed out"));
}

TEST_CASE("the total time bound turns unfinished URLs into errors", "[links][checker]") {
  TestServer server;
  CheckOptions options = fast_options();
  options.timeout = Millis(5000);
  options.total_timeout = Millis(300);
  Outcome o = check_one(server.url("/slow"), options);
  CHECK(o.verdict == Verdict::error);
  CHECK_THAT(o.detail, Catch::Contains("total time limit"));
}

TEST_CASE("loopback targets are blocked by default and the server sees nothing", "[links][checker][policy]") {
  TestServer server;
  CheckOptions options = fast_options();
  options.policy.allow_private = false;
  auto outcomes = check_urls({server.url("/ok"), server.url("/missing"), "http://localhost:" + std::to_string(server.port()) + "/ok"}, options);
  for (const auto& o : outcomes) {
    CHECK(o.verdict == Verdict::blocked);
    CHECK(o.attempts == 0);
    CHECK_THAT(o.detail, Catch::Contains("loopback"));
  }
  CHECK(server.total_hits() == 0);
}

TEST_CASE("non-http schemes and malformed URLs are not requested", "[links][checker][policy]") {
  auto outcomes = check_urls({"ftp://127.0.0.1/x", "file:///etc/passwd", "http://"}, fast_options());
  CHECK(outcomes[0].verdict == Verdict::blocked);
  CHECK(outcomes[1].verdict == Verdict::blocked);
  CHECK(outcomes[2].verdict == Verdict::error);
}

TEST_CASE("the per-host limit holds on the server side", "[links][checker][limits]") {
  TestServer server;
  CheckOptions options = fast_options();
  options.timeout = Millis(5000);
  options.concurrency = 16;
  options.per_host = 3;
  std::vector<std::string> urls;
  for (int i = 0; i < 12; ++i) urls.push_back(server.url("/hold/" + std::to_string(i)));
  auto outcomes = check_urls(urls, options);
  for (const auto& o : outcomes) CHECK(o.verdict == Verdict::ok);
  CHECK(server.max_in_flight() <= 3);
  CHECK(server.max_in_flight() >= 2);  // and the limit is used, not serialised
}

TEST_CASE("the global concurrency limit holds", "[links][checker][limits]") {
  TestServer server;
  CheckOptions options = fast_options();
  options.timeout = Millis(5000);
  options.concurrency = 2;
  options.per_host = 50;
  std::vector<std::string> urls;
  for (int i = 0; i < 8; ++i) urls.push_back(server.url("/hold/" + std::to_string(i)));
  auto outcomes = check_urls(urls, options);
  for (const auto& o : outcomes) CHECK(o.verdict == Verdict::ok);
  CHECK(server.max_in_flight() <= 2);
}

TEST_CASE("many URLs each get exactly one request", "[links][checker]") {
  TestServer server;
  std::vector<std::string> urls;
  for (int i = 0; i < 200; ++i) urls.push_back(server.url("/page/" + std::to_string(i)));
  std::size_t progress_calls = 0;
  auto outcomes = check_urls(urls, fast_options(), [&](std::size_t done, std::size_t total) {
    ++progress_calls;
    CHECK(done <= total);
  });
  for (const auto& o : outcomes) CHECK(o.verdict == Verdict::ok);
  CHECK(server.total_hits() == 200);
  CHECK(progress_calls == 200);
}
