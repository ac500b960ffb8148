#include "exporters/anki/ordered_work.hpp"

#include <algorithm>
#include <system_error>

namespace qbank::exporters::anki {

OrderedWork::OrderedWork(std::size_t count, std::function<void(std::size_t)> job, std::size_t workers, std::size_t max_lead)
    : m_count(count),
      m_job(std::move(job)),
      m_max_lead(max_lead),
      m_consumer_step(std::max<std::size_t>(1, max_lead / 4)),
      m_done(new std::atomic<bool>[count]) {
  for (std::size_t i = 0; i < count; ++i) m_done[i].store(false, std::memory_order_relaxed);
  try {
    for (std::size_t w = 0; w < workers; ++w) m_threads.emplace_back([this] { work(); });
  } catch (const std::system_error&) {
    // The system would not start another thread: the ones started (if any) and the consumer
    // do the work.
  }
}

OrderedWork::~OrderedWork() {
  m_next.store(m_count);  // nothing more gets claimed
  m_consumed.store(m_count);  // and no worker waits for the consumer any longer
  m_consumed.notify_all();
  for (auto& thread : m_threads) thread.join();
}

std::size_t OrderedWork::lead_limit(std::size_t from) const { return m_max_lead > 0 ? from + m_max_lead : m_count; }

void OrderedWork::work() {
  for (;;) {
    std::size_t consumed = m_consumed.load(std::memory_order_acquire);
    if (run_one(lead_limit(consumed))) continue;
    if (m_next.load() >= m_count) return;
    m_consumed.wait(consumed);  // at the lead: until the consumer moves on
  }
}

bool OrderedWork::run_one(std::size_t limit) {
  limit = std::min(limit, m_count);
  std::size_t index = m_next.load(std::memory_order_relaxed);
  do {
    if (index >= limit) return false;
  } while (!m_next.compare_exchange_weak(index, index + 1, std::memory_order_relaxed));
  try {
    m_job(index);
  } catch (...) {
    std::lock_guard lock(m_error_mutex);
    if (!m_error) m_error = std::current_exception();
    m_failed.store(true);
  }
  m_done[index].store(true, std::memory_order_release);
  return true;
}

void OrderedWork::wait_for(std::size_t index) {
  // The workers learn where the consumer is every quarter of the lead: a wake-up per job
  // would cost a system call per job.
  if (m_max_lead > 0 && index >= m_consumed.load(std::memory_order_relaxed) + m_consumer_step) {
    m_consumed.store(index, std::memory_order_release);
    m_consumed.notify_all();
  }
  while (!m_done[index].load(std::memory_order_acquire)) {
    // Do another job meanwhile (within the lead, like the workers); when there is none, the
    // one needed is running on a worker: it is short, so yield.
    if (!run_one(lead_limit(index))) std::this_thread::yield();
  }
  if (m_failed.load()) {
    std::lock_guard lock(m_error_mutex);
    std::rethrow_exception(m_error);
  }
}

std::size_t OrderedWork::default_workers(std::size_t jobs, std::size_t jobs_worth_a_thread) {
  if (jobs < std::max<std::size_t>(2, jobs_worth_a_thread)) return 0;
  std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::min({cores, std::size_t{8}, jobs}) - 1;
}

void parallel_for(std::size_t count, const std::function<void(std::size_t)>& job, std::size_t jobs_worth_a_thread) {
  OrderedWork work(count, job, OrderedWork::default_workers(count, jobs_worth_a_thread));
  for (std::size_t i = 0; i < count; ++i) work.wait_for(i);
}

}  // namespace qbank::exporters::anki
