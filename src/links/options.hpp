// Every knob of a link check, with the defaults a nightly CI run wants. Filled from
// qbank.yaml's `links:` section (links/config.hpp) and then the command line.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "links/policy.hpp"
#include "links/types.hpp"

namespace qbank::links {

using Millis = std::chrono::milliseconds;

struct CheckOptions {
  int concurrency = 32;                  // requests in flight at once, all hosts together
  int per_host = 4;                      // requests in flight to one host name
  Millis timeout{10'000};                // one request, connect to last byte
  Millis total_timeout{600'000};         // the whole check; later URLs get `error`
  int retries = 3;                       // extra attempts after a retryable failure
  Millis backoff{500};                   // first retry delay, doubled each time
  Millis retry_after_max{30'000};        // cap on a server's Retry-After
  int max_redirects = 10;
  std::size_t body_cap = 64 * 1024;      // GET fallback: bytes read before hanging up
  std::string user_agent = "qbank-link-checker/" QBANK_VERSION;
  Policy policy;
};

// What fails the run (exit 1): dead links, dead or erroring links, or nothing.
enum class FailOn { dead, error, never };

struct LinksSettings {
  CheckOptions check;
  std::optional<std::filesystem::path> cache_file;
  std::chrono::seconds max_age{24 * 3600};
  FailOn fail_on = FailOn::dead;
};

}  // namespace qbank::links
