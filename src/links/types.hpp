// The values the link checker's stages pass along: a URL with every place it is referenced,
// and its outcome. An outcome is a value (never an exception), so one bad URL cannot stop
// the run and every stage (cache, report) can treat outcomes uniformly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace qbank::links {

enum class Verdict { ok, redirected, dead, error, blocked, excluded };

std::string_view to_string(Verdict verdict);
std::optional<Verdict> parse_verdict(std::string_view text);

struct Outcome {
  Verdict verdict = Verdict::error;
  long http_status = 0;    // last HTTP status seen; 0 when no response arrived
  std::string final_url;   // after redirects; empty when there were none
  int attempts = 0;        // HTTP requests made (HEAD, GET fallback and retries); 0 from cache
  long elapsed_ms = 0;     // wall time from first request to verdict
  std::string detail;      // why, in words: "HTTP 404", "timed out after 3 attempts", ...
  bool cached = false;     // taken from the cache file, not requested in this run
};

// One unique URL and every reference to it, in source order.
struct Link {
  std::string url;
  std::vector<SourceLocation> references;
};

struct LinkResult {
  Link link;
  Outcome outcome;
};

}  // namespace qbank::links
