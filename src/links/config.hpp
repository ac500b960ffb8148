// qbank.yaml's `links:` section, validated here (the config loader passes it through raw):
//
//   links:
//     concurrency: 32        # requests in flight at once
//     per-host: 4            # requests in flight to one host
//     timeout: 10s           # per request (ms, s, m units; a bare number is seconds)
//     total-timeout: 10m     # the whole check
//     retries: 3
//     backoff: 500ms         # first retry delay, doubled each retry
//     retry-after-max: 30s   # cap on a server's Retry-After
//     max-redirects: 10
//     body-cap: 64KiB        # GET fallback reads at most this much
//     allow-private: false
//     exclude: ['^https://example\.com/']
//     cache: .qbank-links.json
//     max-age: 1d
//     fail-on: dead          # dead | error | never
//
// Unknown keys and malformed values are tool errors with a did-you-mean.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "links/options.hpp"

namespace qbank::links {

// Applies the section to `settings`; throws Error naming the bad key or value.
void apply_config(const nlohmann::json& section, const std::string& file_name, LinksSettings& settings);

// "250ms", "10s", "5m", "2h", "1d", or a bare number of seconds; nullopt when malformed.
std::optional<Millis> parse_duration(std::string_view text);
std::optional<FailOn> parse_fail_on(std::string_view text);

}  // namespace qbank::links
