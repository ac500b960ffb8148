// Checker: requests each URL once over libcurl's multi interface (one thread, event driven),
// with a global concurrency limit and a per-host limit enforced by our own scheduler, HTTP/2
// multiplexing and connection reuse where the server offers them, HEAD first and GET (body
// capped) when a server rejects HEAD, retries with exponential backoff and Retry-After, and
// the policy's address check on every socket before it connects.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "links/options.hpp"
#include "links/types.hpp"

namespace qbank::links {

using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

// One outcome per URL, in the same order. Never throws for a URL's failure; every failure is
// a verdict (error, blocked, dead). Excluded URLs are not this stage's business.
std::vector<Outcome> check_urls(const std::vector<std::string>& urls, const CheckOptions& options,
                                const ProgressFn& progress = {});

}  // namespace qbank::links
