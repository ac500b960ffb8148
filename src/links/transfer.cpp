#include "links/transfer.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <sys/socket.h>

#include <fmt/format.h>

namespace qbank::links {

namespace {

size_t on_body(char*, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  transfer.body_bytes += size * count;
  // The status is all we need; past the cap, returning short makes libcurl abort the
  // transfer (CURLE_WRITE_ERROR), which judge_attempt treats as a complete answer.
  if (transfer.body_bytes > transfer.options->body_cap) {
    transfer.body_capped = true;
    return 0;
  }
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  std::size_t length = size * count;
  // "HTTP/1.1 301 Moved" or "HTTP/2 200": one per response, so redirect hops are visible.
  if (length > 9 && std::memcmp(data, "HTTP/", 5) == 0) {
    const char* space = static_cast<const char*>(std::memchr(data, ' ', length));
    if (space && space + 4 <= data + length) {
      long status = std::strtol(space + 1, nullptr, 10);
      if (status >= 200) transfer.statuses.push_back(status);  // 1xx are interim
    }
  }
  return length;
}

// Runs before every connect, for the first URL and every redirect hop, on the resolved
// address: the one place a private target can be refused reliably (no TOCTOU with DNS).
curl_socket_t on_open_socket(void* user, curlsocktype, curl_sockaddr* address) {
  auto& transfer = *static_cast<Transfer*>(user);
  if (!transfer.options->policy.allows(&address->addr)) {
    transfer.refused_address = true;
    auto address_class = classify(&address->addr);
    transfer.refused_what = address_class ? std::string(to_string(*address_class)) : "non-IP";
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

bool retryable(CURLcode result) {
  switch (result) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

Millis backoff_delay(const Transfer& transfer, long retry_after_seconds) {
  const auto& options = *transfer.options;
  Millis delay = options.backoff * (1LL << std::min(transfer.retries_used, 20));
  if (retry_after_seconds > 0)
    delay = std::max(delay, std::min<Millis>(std::chrono::seconds(retry_after_seconds), options.retry_after_max));
  return delay;
}

Judgement finish(Transfer& transfer, Verdict verdict, std::string detail) {
  transfer.outcome.verdict = verdict;
  transfer.outcome.detail = std::move(detail);
  return {};
}

// A retryable failure: again later if retries remain, else an `error` verdict.
Judgement retry_or_fail(Transfer& transfer, std::string what, long retry_after_seconds) {
  if (transfer.retries_used < transfer.options->retries) {
    Judgement judgement{Judgement::retry_later, backoff_delay(transfer, retry_after_seconds)};
    ++transfer.retries_used;
    return judgement;
  }
  int attempts = transfer.outcome.attempts;
  return finish(transfer, Verdict::error, fmt::format("{} after {} attempt{}", what, attempts, attempts == 1 ? "" : "s"));
}

}  // namespace

bool prepare_attempt(Transfer& transfer) {
  release_attempt(transfer);
  CURL* easy = curl_easy_init();
  if (!easy) return false;
  transfer.easy = easy;
  transfer.refused_address = false;
  transfer.refused_what.clear();
  transfer.body_bytes = 0;
  transfer.body_capped = false;
  transfer.statuses.clear();
  transfer.error_buffer[0] = '\0';
  const auto& options = *transfer.options;

  curl_easy_setopt(easy, CURLOPT_URL, transfer.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
  if (transfer.use_get) curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  else curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  // A proxy from the environment would hide the real target from the address check.
  curl_easy_setopt(easy, CURLOPT_PROXY, "");
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &transfer);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error_buffer);
  ++transfer.outcome.attempts;
  return true;
}

void release_attempt(Transfer& transfer) {
  if (transfer.easy) curl_easy_cleanup(transfer.easy);
  transfer.easy = nullptr;
}

Judgement judge_attempt(Transfer& transfer, CURLcode result) {
  long status = 0;
  curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
  char* effective = nullptr;
  curl_easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &effective);
  curl_off_t retry_after = 0;
  curl_easy_getinfo(transfer.easy, CURLINFO_RETRY_AFTER, &retry_after);
  Outcome& outcome = transfer.outcome;
  outcome.http_status = status;
  outcome.final_url = effective && transfer.url != effective ? effective : "";

  if (transfer.refused_address) {
    --outcome.attempts;  // nothing was sent: the socket was refused before connecting
    return finish(transfer, Verdict::blocked, fmt::format("refused to connect to a {} address (use --allow-private)", transfer.refused_what));
  }
  if (result == CURLE_UNSUPPORTED_PROTOCOL) return finish(transfer, Verdict::blocked, "redirected to a scheme other than http or https");
  if (result == CURLE_WRITE_ERROR && transfer.body_capped) result = CURLE_OK;
  if (result == CURLE_TOO_MANY_REDIRECTS)
    return finish(transfer, Verdict::error, fmt::format("more than {} redirects (a redirect loop?)", transfer.options->max_redirects));
  if (result != CURLE_OK) {
    std::string what = transfer.error_buffer[0] ? transfer.error_buffer : curl_easy_strerror(result);
    if (result == CURLE_OPERATION_TIMEDOUT) what = fmt::format("timed out ({} ms)", transfer.options->timeout.count());
    if (retryable(result)) return retry_or_fail(transfer, what, 0);
    return finish(transfer, Verdict::error, what);
  }

  if (!transfer.use_get && (status == 405 || status == 501 || status == 403)) {
    transfer.use_get = true;  // the server rejects HEAD: ask again with GET, no delay
    return {Judgement::retry_get, Millis{0}};
  }
  if (status >= 200 && status < 300) {
    bool moved = !transfer.statuses.empty() && (transfer.statuses.front() == 301 || transfer.statuses.front() == 308);
    if (moved && !outcome.final_url.empty())
      return finish(transfer, Verdict::redirected, fmt::format("moved permanently (HTTP {})", transfer.statuses.front()));
    return finish(transfer, Verdict::ok, fmt::format("HTTP {}", status));
  }
  if (status == 404 || status == 410) return finish(transfer, Verdict::dead, fmt::format("HTTP {}", status));
  if (status == 429 || status == 408 || status >= 500) return retry_or_fail(transfer, fmt::format("HTTP {}", status), static_cast<long>(retry_after));
  // 401/403 (login walls, bot blocks) and other answers are not proof that the page is gone.
  return finish(transfer, Verdict::error, fmt::format("HTTP {}", status));
}

}  // namespace qbank::links
