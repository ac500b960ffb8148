#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "core/parallel.hpp"

TEST_CASE("parallel_chunks covers every index exactly once, in at most two workers") {
  for (std::size_t n : {0u, 1u, 1999u, 2000u, 2001u, 100000u}) {
    std::vector<int> seen(n, 0);
    std::vector<int> worker_used(3, 0);  // Catch2 assertions are not thread-safe: record, check after
    qbank::parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned worker) {
      worker_used[std::min(worker, 2u)] = 1;
      for (std::size_t i = begin; i < end; ++i) ++seen[i];  // each worker writes its own range only
    });
    CHECK(std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }));
    CHECK(worker_used[2] == 0);
    if (n < 2000) CHECK(worker_used[1] == 0);  // small inputs stay on the calling thread
  }
}

TEST_CASE("parallel_sort gives std::sort's order, above and below its threshold") {
  std::mt19937_64 random(7);
  for (std::size_t n : {0u, 1u, 19999u, 20000u, 20001u, 250000u}) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> items(n);
    // Few distinct keys, so equal keys straddle the two halves and the merge has to order them.
    for (std::size_t i = 0; i < n; ++i) items[i] = {random() % 97, static_cast<std::uint32_t>(random() % 1000)};
    auto expected = items;
    std::sort(expected.begin(), expected.end());
    qbank::parallel_sort(items);
    CHECK(items == expected);
  }
  std::vector<int> descending{5, 3, 9, 1};
  qbank::parallel_sort(descending, std::greater<>{}, 1);  // a comparator, split from one element on
  CHECK(descending == std::vector<int>{9, 5, 3, 1});
}

TEST_CASE("parallel_interleaved covers every index exactly once, the two workers taking every other index") {
  for (std::size_t n : {0u, 1u, 99u, 100u, 101u, 5000u}) {
    std::vector<int> seen(n, 0);
    std::vector<unsigned> worker_of(n, 9);
    qbank::parallel_interleaved(
        n,
        [&](std::size_t i, unsigned worker) {
          ++seen[i];  // each index is given to one worker only: no two threads write the same element
          worker_of[i] = worker;
        },
        100);
    CHECK(std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }));
    if (n < 100) {
      CHECK(std::all_of(worker_of.begin(), worker_of.end(), [](unsigned w) { return w == 0; }));
    } else {
      // Worker 0 has the even indices, worker 1 the odd ones (and, for an odd count, the last).
      for (std::size_t i = 0; i + 1 < n; ++i) CHECK(worker_of[i] == i % 2);
    }
  }
}
