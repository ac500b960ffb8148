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
  // Starts `workers` threads (0: the consumer does every job in wait_for; fewer if the system
  // refuses a thread). `job` must be safe to run concurrently for different indexes.
  // `max_lead` (0: none) is how far past the job the consumer waits for the workers may run:
  // results the consumer has not taken yet are memory held.
  OrderedWork(std::size_t count, std::function<void(std::size_t)> job, std::size_t workers, std::size_t max_lead = 0);
  // Stops the workers after their current job (when the consumer gave up early) and joins them.
  ~OrderedWork();
  OrderedWork(const OrderedWork&) = delete;
  OrderedWork& operator=(const OrderedWork&) = delete;

  // Returns once job `index` is done; rethrows the first exception a job threw.
  void wait_for(std::size_t index);

  // The number of worker threads to start for `jobs` jobs: the other cores (at most 7), none
  // when there are fewer jobs than `jobs_worth_a_thread` (the default suits jobs of a few
  // microseconds, such as rendering one note; 2 suits jobs of a millisecond or more).
  static constexpr std::size_t k_small_jobs_worth_a_thread = 1000;
  static std::size_t default_workers(std::size_t jobs, std::size_t jobs_worth_a_thread = k_small_jobs_worth_a_thread);

 private:
  // A worker thread: runs jobs, staying within max_lead of the consumer.
  void work();
  // Where jobs stop being claimed when the consumer is at job `from`: from + max_lead (or the end).
  std::size_t lead_limit(std::size_t from) const;
  // Claims the next job if it is before `limit` and runs it; false when there is none such.
  bool run_one(std::size_t limit);

  std::size_t m_count;
  std::function<void(std::size_t)> m_job;
  std::size_t m_max_lead;
  std::size_t m_consumer_step;  // how often the consumer tells the workers where it is
  std::atomic<std::size_t> m_next{0};
  std::atomic<std::size_t> m_consumed{0};  // the consumer's job, as far as the workers know
  std::unique_ptr<std::atomic<bool>[]> m_done;
  std::atomic<bool> m_failed{false};
  std::mutex m_error_mutex;
  std::exception_ptr m_error;  // the first failure
  std::vector<std::thread> m_threads;
};

// job(0) .. job(count - 1) on this thread and default_workers(count, jobs_worth_a_thread)
// others; returns when all are done, rethrowing the first job's exception.
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& job,
                  std::size_t jobs_worth_a_thread = OrderedWork::k_small_jobs_worth_a_thread);

}  // namespace qbank::exporters::anki
