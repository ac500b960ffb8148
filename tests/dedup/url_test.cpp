// normalize_url: the forms of one URL that duplicate-resource (and the link checker) treat as one.
#include <catch2/catch.hpp>

#include "dedup/url.hpp"

using qbank::dedup::normalize_url;

TEST_CASE("normalize_url folds the spellings of one URL") {
  const std::string canonical = "https://example.org/path/page";
  CHECK(normalize_url("https://example.org/path/page") == canonical);
  CHECK(normalize_url("HTTPS://Example.ORG/path/page") == canonical);
  CHECK(normalize_url("https://www.example.org/path/page") == canonical);
  CHECK(normalize_url("https://example.org:443/path/page") == canonical);
  CHECK(normalize_url("https://example.org/path/page/") == canonical);
  CHECK(normalize_url("https://example.org/path/page#section-2") == canonical);
  CHECK(normalize_url("  https://WWW.example.org:443/path/page/#top \n") == canonical);
  CHECK(normalize_url("http://example.org:80/") == "http://example.org");
  CHECK(normalize_url("https://example.org/") == normalize_url("https://example.org"));
}

TEST_CASE("normalize_url keeps what changes the resource") {
  CHECK(normalize_url("https://example.org/Path") != normalize_url("https://example.org/path"));  // path case
  CHECK(normalize_url("https://example.org/a?x=1") != normalize_url("https://example.org/a?x=2"));
  CHECK(normalize_url("https://example.org/a/?x=1") == "https://example.org/a?x=1");
  CHECK(normalize_url("http://example.org/a") != normalize_url("https://example.org/a"));     // scheme
  CHECK(normalize_url("https://example.org:8443/a") == "https://example.org:8443/a");         // other port
  CHECK(normalize_url("http://example.org:443/a") == "http://example.org:443/a");             // not http's default
  CHECK(normalize_url("https://User@Example.org/a") == "https://User@example.org/a");         // user info kept
  CHECK(normalize_url("https://docs.example.org/a") != normalize_url("https://example.org/a"));
  CHECK(normalize_url("not a url ") == "not a url");
}
