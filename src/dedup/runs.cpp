#include "dedup/runs.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace qbank::dedup {

void split_runs(const std::vector<Entry>& entries, std::vector<Pair> pairs, std::size_t min_run, std::vector<Pair>& single,
                std::vector<Run>& runs) {
  // Entries are in bank order, section by section: the question after entry e is e + 1 when it
  // is in the same section or the next section of the same bank (sections that were copied
  // together make one run).
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> at;  // (a, b) -> pair index
  for (std::size_t k = 0; k < pairs.size(); ++k) at.emplace(std::make_pair(pairs[k].a, pairs[k].b), k);
  auto follows = [&](std::size_t e) {  // entry e + 1 comes right after entry e
    return e + 1 < entries.size() && entries[e + 1].side == entries[e].side &&
           entries[e + 1].group - entries[e].group <= 1;
  };
  auto next = [&](std::size_t e) -> std::ptrdiff_t { return follows(e) ? static_cast<std::ptrdiff_t>(e + 1) : -1; };
  auto previous_pair = [&](const Pair& p) -> bool {
    if (p.a == 0 || p.b == 0 || !follows(p.a - 1) || !follows(p.b - 1)) return false;
    return at.count({p.a - 1, p.b - 1}) > 0;
  };

  std::vector<bool> in_run(pairs.size(), false);
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    if (previous_pair(pairs[k])) continue;  // not the start of a run
    std::vector<std::size_t> chain{k};
    for (;;) {
      const Pair& last = pairs[chain.back()];
      auto na = next(last.a), nb = next(last.b);
      if (na < 0 || nb < 0) break;
      auto it = at.find({static_cast<std::size_t>(na), static_cast<std::size_t>(nb)});
      if (it == at.end()) break;
      chain.push_back(it->second);
    }
    if (chain.size() < min_run) continue;
    Run run;
    for (auto index : chain) {
      in_run[index] = true;
      run.pairs.push_back(pairs[index]);
    }
    runs.push_back(std::move(run));
  }
  for (std::size_t k = 0; k < pairs.size(); ++k)
    if (!in_run[k]) single.push_back(pairs[k]);
  auto by_b = [](const Pair& x, const Pair& y) { return std::tie(x.b, x.a) < std::tie(y.b, y.a); };
  std::sort(single.begin(), single.end(), by_b);
  std::sort(runs.begin(), runs.end(), [&](const Run& x, const Run& y) { return by_b(x.pairs.front(), y.pairs.front()); });
}

}  // namespace qbank::dedup
