// Repeated sections: runs of consecutive duplicate pairs (internal to the finder).
#pragma once

#include <vector>

#include "dedup/finder.hpp"

namespace qbank::dedup {

// Groups pairs into runs of at least min_run consecutive pairs (question p, p+1, ... against
// question r, r+1, ..., in bank order, across section boundaries). Pairs
// inside a run go into the run only; the rest into `single`, sorted by (b, a).
void split_runs(const std::vector<Entry>& entries, std::vector<Pair> pairs, std::size_t min_run, std::vector<Pair>& single,
                std::vector<Run>& runs);

}  // namespace qbank::dedup
