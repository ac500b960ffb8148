#include "links/checker.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

#include <curl/curl.h>
#include <fmt/format.h>

#include "links/transfer.hpp"

namespace qbank::links {

namespace {

void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The per-host key: the host name as libcurl parses it, lower-cased; nullopt if unparsable.
std::optional<std::string> host_of(const std::string& url) {
  CURLU* handle = curl_url();
  std::optional<std::string> host;
  if (curl_url_set(handle, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* part = nullptr;
    if (curl_url_get(handle, CURLUPART_HOST, &part, 0) == CURLUE_OK && part) {
      host = part;
      std::transform(host->begin(), host->end(), host->begin(), [](unsigned char c) { return std::tolower(c); });
      curl_free(part);
    }
  }
  curl_url_cleanup(handle);
  return host;
}

struct MultiDeleter {
  void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};

// The scheduler: which transfer starts when. libcurl's own MAX_HOST_CONNECTIONS would queue
// excess transfers inside libcurl (where their timeouts already tick); queueing them here
// keeps both limits exact and the timeouts per request.
class Scheduler {
 public:
  Scheduler(std::vector<Transfer>& transfers, const CheckOptions& options, const ProgressFn& progress)
      : m_transfers(transfers), m_options(options), m_progress(progress), m_multi(curl_multi_init()) {
    curl_multi_setopt(m_multi.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    curl_multi_setopt(m_multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(options.concurrency));
    curl_multi_setopt(m_multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options.per_host));
    curl_multi_setopt(m_multi.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(options.concurrency));
  }

  void queue(Transfer& transfer) { m_ready[transfer.host].push_back(&transfer); ++m_unfinished; }
  void finished_early() { report_done(); }

  void run() {
    auto deadline = Clock::now() + m_options.total_timeout;
    while (m_unfinished > 0) {
      auto now = Clock::now();
      if (now >= deadline) {
        abandon_all("not checked: the total time limit was reached");
        break;
      }
      promote_due(now);
      start_ready(now);
      int running = 0;
      curl_multi_perform(m_multi.get(), &running);
      if (collect_finished() > 0) continue;
      curl_multi_poll(m_multi.get(), nullptr, 0, poll_timeout_ms(now, deadline), nullptr);
    }
  }

 private:
  void report_done() {
    ++m_done;
    if (m_progress) m_progress(m_done, m_transfers.size());
  }

  void finish(Transfer& transfer) {
    transfer.outcome.elapsed_ms = std::chrono::duration_cast<Millis>(Clock::now() - transfer.first_start).count();
    release_attempt(transfer);
    --m_unfinished;
    report_done();
  }

  void promote_due(Clock::time_point now) {
    auto due = std::stable_partition(m_delayed.begin(), m_delayed.end(), [&](Transfer* t) { return t->not_before > now; });
    for (auto it = due; it != m_delayed.end(); ++it) m_ready[(*it)->host].push_front(*it);
    m_delayed.erase(due, m_delayed.end());
  }

  void start_ready(Clock::time_point now) {
    for (auto it = m_ready.begin(); it != m_ready.end() && m_in_flight < m_options.concurrency;) {
      auto& [host, queue] = *it;
      int& host_in_flight = m_host_in_flight[host];
      while (!queue.empty() && host_in_flight < m_options.per_host && m_in_flight < m_options.concurrency) {
        Transfer& transfer = *queue.front();
        queue.pop_front();
        if (transfer.outcome.attempts == 0) transfer.first_start = now;
        if (!prepare_attempt(transfer)) {
          transfer.outcome = Outcome{Verdict::error, 0, "", transfer.outcome.attempts, 0, "libcurl could not create a handle"};
          finish(transfer);
          continue;
        }
        curl_multi_add_handle(m_multi.get(), transfer.easy);
        ++host_in_flight;
        ++m_in_flight;
      }
      it = queue.empty() ? m_ready.erase(it) : std::next(it);
    }
  }

  int collect_finished() {
    int handled = 0;
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(m_multi.get(), &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      Transfer* transfer = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&transfer));
      CURLcode result = message->data.result;
      curl_multi_remove_handle(m_multi.get(), transfer->easy);
      --m_in_flight;
      --m_host_in_flight[transfer->host];
      ++handled;
      Judgement judgement = judge_attempt(*transfer, result);
      if (judgement.next == Judgement::done) {
        finish(*transfer);
      } else if (judgement.next == Judgement::retry_get) {
        release_attempt(*transfer);
        m_ready[transfer->host].push_front(transfer);
      } else {
        release_attempt(*transfer);
        transfer->not_before = Clock::now() + judgement.delay;
        m_delayed.push_back(transfer);
      }
    }
    return handled;
  }

  int poll_timeout_ms(Clock::time_point now, Clock::time_point deadline) const {
    Clock::time_point wake = deadline;
    for (const Transfer* t : m_delayed) wake = std::min(wake, t->not_before);
    auto ms = std::chrono::duration_cast<Millis>(wake - now).count() + 1;
    return static_cast<int>(std::clamp<long long>(ms, 0, 1000));
  }

  void abandon_all(const std::string& why) {
    for (Transfer& transfer : m_transfers) {
      bool pending = transfer.easy != nullptr ||
                     std::find(m_delayed.begin(), m_delayed.end(), &transfer) != m_delayed.end() ||
                     std::any_of(m_ready.begin(), m_ready.end(), [&](const auto& entry) {
                       return std::find(entry.second.begin(), entry.second.end(), &transfer) != entry.second.end();
                     });
      if (!pending) continue;
      if (transfer.easy) curl_multi_remove_handle(m_multi.get(), transfer.easy);
      transfer.outcome.verdict = Verdict::error;
      transfer.outcome.detail = why;
      if (transfer.outcome.attempts == 0) transfer.first_start = Clock::now();
      finish(transfer);
    }
    m_ready.clear();
    m_delayed.clear();
  }

  std::vector<Transfer>& m_transfers;
  const CheckOptions& m_options;
  const ProgressFn& m_progress;
  std::unique_ptr<CURLM, MultiDeleter> m_multi;
  std::map<std::string, std::deque<Transfer*>> m_ready;  // by host, in URL order
  std::vector<Transfer*> m_delayed;                      // waiting for a retry
  std::map<std::string, int> m_host_in_flight;
  int m_in_flight = 0;
  std::size_t m_unfinished = 0;
  std::size_t m_done = 0;
};

}  // namespace

std::vector<Outcome> check_urls(const std::vector<std::string>& urls, const CheckOptions& options, const ProgressFn& progress) {
  ensure_curl_initialised();
  CheckOptions bounded = options;
  bounded.concurrency = std::max(1, options.concurrency);
  bounded.per_host = std::max(1, options.per_host);

  std::vector<Transfer> transfers(urls.size());
  Scheduler scheduler(transfers, bounded, progress);
  for (std::size_t i = 0; i < urls.size(); ++i) {
    Transfer& transfer = transfers[i];
    transfer.index = i;
    transfer.url = urls[i];
    transfer.options = &bounded;
    if (auto reason = bounded.policy.refuse_scheme(urls[i])) {
      transfer.outcome = Outcome{Verdict::blocked, 0, "", 0, 0, *reason};
      scheduler.finished_early();
      continue;
    }
    auto host = host_of(urls[i]);
    if (!host) {
      transfer.outcome = Outcome{Verdict::error, 0, "", 0, 0, "not a valid URL"};
      scheduler.finished_early();
      continue;
    }
    transfer.host = *host;
    scheduler.queue(transfer);
  }
  scheduler.run();

  std::vector<Outcome> outcomes;
  outcomes.reserve(transfers.size());
  for (auto& transfer : transfers) outcomes.push_back(std::move(transfer.outcome));
  return outcomes;
}

}  // namespace qbank::links
