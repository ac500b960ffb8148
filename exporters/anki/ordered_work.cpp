#include "exporters/anki/ordered_work.hpp"

#include <algorithm>

namespace qbank::exporters::anki {

OrderedWork::OrderedWork(std::size_t count, std::function<void(std::size_t)> job, std::size_t workers)
    : m_count(count), m_job(std::move(job)), m_done(new std::atomic<bool>[count]) {
  for (std::size_t i = 0; i < count; ++i) m_done[i].store(false, std::memory_order_relaxed);
  for (std::size_t w = 0; w < workers; ++w)
    m_threads.emplace_back([this] {
      while (run_one()) {
      }
    });
}

OrderedWork::~OrderedWork() {
  m_next.store(m_count);  // nothing more gets claimed
  for (auto& thread : m_threads) thread.join();
}

bool OrderedWork::run_one() {
  std::size_t index = m_next.fetch_add(1);
  if (index >= m_count) return false;
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
  while (!m_done[index].load(std::memory_order_acquire)) {
    // Every job is claimed and this one is still running on a worker: it is short, so yield.
    if (!run_one()) std::this_thread::yield();
  }
  if (m_failed.load()) {
    std::lock_guard lock(m_error_mutex);
    std::rethrow_exception(m_error);
  }
}

std::size_t OrderedWork::default_workers(std::size_t jobs) {
  if (jobs < 1000) return 0;
  std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::min<std::size_t>(cores, 8) - 1;
}

void parallel_for(std::size_t count, const std::function<void(std::size_t)>& job) {
  OrderedWork work(count, job, OrderedWork::default_workers(count));
  for (std::size_t i = 0; i < count; ++i) work.wait_for(i);
}

}  // namespace qbank::exporters::anki
