// Splitting independent work over the machine's cores: the duplicate finder's passes over every
// question and its sorts, and building report entries.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace qbank {

// Runs fn(begin, end, worker) over [0, n) on up to two threads (the target machine has two
// cores; worker is 0 or 1); fewer than `min_parallel` items on the calling thread only, where a
// thread would cost more than it saves.
template <typename Fn>
void parallel_chunks(std::size_t n, Fn fn, std::size_t min_parallel = 2000) {
  unsigned workers = n < min_parallel ? 1 : std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(fn, n * w / workers, n * (w + 1) / workers, w);
  fn(0, n / workers, 0u);
  for (auto& t : threads) t.join();
}

// Runs fn(i, worker) for every i in [0, n) on up to two threads, like parallel_chunks, but the
// threads take every other item rather than a half each: for work that grows or clusters along
// the range (the duplicate finder compares each question with the earlier ones; cheap exact pairs
// come before costly near ones), where halves would leave one thread with most of it.
template <typename Fn>
void parallel_interleaved(std::size_t n, Fn fn, std::size_t min_parallel = 2000) {
  std::size_t half = (n + 1) / 2;
  parallel_chunks(
      n,
      [&](std::size_t begin, std::size_t end, unsigned worker) {
        for (std::size_t k = begin; k < end; ++k) fn(k < half ? 2 * k : 2 * (k - half) + 1, worker);
      },
      min_parallel);
}

// std::sort on two threads (each half sorted on its own, then merged) from `min_parallel`
// elements: the duplicate finder sorts hash keys of every question.
template <typename T, typename Less = std::less<>>
void parallel_sort(std::vector<T>& items, Less less = {}, std::size_t min_parallel = 20000) {
  if (items.size() < min_parallel || std::thread::hardware_concurrency() < 2) {
    std::sort(items.begin(), items.end(), less);
    return;
  }
  auto middle = items.begin() + static_cast<std::ptrdiff_t>(items.size() / 2);
  std::thread first([&] { std::sort(items.begin(), middle, less); });
  std::sort(middle, items.end(), less);
  first.join();
  std::inplace_merge(items.begin(), middle, items.end(), less);
}

}  // namespace qbank
