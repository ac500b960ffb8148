// One URL's life inside the checker: its state across attempts (HEAD, GET fallback,
// retries), the libcurl easy handle of the current attempt with its callbacks, and the
// judgement of a finished attempt. The scheduler (checker.cpp) decides when attempts run.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <curl/curl.h>

#include "links/options.hpp"
#include "links/types.hpp"

namespace qbank::links {

using Clock = std::chrono::steady_clock;

struct Transfer {
  std::size_t index = 0;  // into the URL list
  std::string url;
  std::string host;       // the per-host limit's key
  const CheckOptions* options = nullptr;

  bool use_get = false;   // HEAD was rejected: GET with the body capped
  int retries_used = 0;
  Clock::time_point first_start{};
  Clock::time_point not_before{};
  Outcome outcome;

  // Per attempt.
  CURL* easy = nullptr;
  bool refused_address = false;  // the policy refused a resolved address
  std::string refused_what;
  std::size_t body_bytes = 0;
  bool body_capped = false;
  std::vector<long> statuses;    // each response's status line, redirect hops included
  char error_buffer[CURL_ERROR_SIZE] = {};
};

// Creates the easy handle for the next attempt (HEAD or GET). False if libcurl refused.
bool prepare_attempt(Transfer& transfer);
void release_attempt(Transfer& transfer);

// What to do after an attempt finished with `result`.
struct Judgement {
  enum Next { done, retry_get, retry_later } next = done;
  Millis delay{0};  // for retry_later
};
Judgement judge_attempt(Transfer& transfer, CURLcode result);

}  // namespace qbank::links
