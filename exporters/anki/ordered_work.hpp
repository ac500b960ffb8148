// Independent jobs 0..count-1 done on worker threads ahead of one consumer that needs their
// results in order: the package writer renders notes on the other cores while this thread
// inserts them into SQLite. The consumer never just waits while jobs are left: wait_for()
// does unclaimed jobs itself until the one it needs is done.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace qbank::exporters::anki {

class OrderedWork {
 public:
  // Starts `workers` threads (0: the consumer does every job in wait_for). `job` must be safe
  // to run concurrently for different indexes.
  OrderedWork(std::size_t count, std::function<void(std::size_t)> job, std::size_t workers);
  // Stops the workers after their current job (when the consumer gave up early) and joins them.
  ~OrderedWork();
  OrderedWork(const OrderedWork&) = delete;
  OrderedWork& operator=(const OrderedWork&) = delete;

  // Returns once job `index` is done; rethrows the first exception a job threw.
  void wait_for(std::size_t index);

  // The number of worker threads to start for `jobs` jobs: the other cores, none for few jobs.
  static std::size_t default_workers(std::size_t jobs);

 private:
  // Claims the next job and runs it; false when none is left.
  bool run_one();

  std::size_t m_count;
  std::function<void(std::size_t)> m_job;
  std::atomic<std::size_t> m_next{0};
  std::unique_ptr<std::atomic<bool>[]> m_done;
  std::atomic<bool> m_failed{false};
  std::mutex m_error_mutex;
  std::exception_ptr m_error;  // the first failure
  std::vector<std::thread> m_threads;
};

// job(0) .. job(count - 1) on default_workers(count) threads (this one included); returns when
// all are done, rethrowing the first job's exception.
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& job);

}  // namespace qbank::exporters::anki
