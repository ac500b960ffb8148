#include "config/suggest.hpp"

#include <algorithm>

namespace qbank::config {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance: Levenshtein plus adjacent transpositions ("tilte").
  // Three rolling rows (a transposition looks two rows back) instead of the whole matrix:
  // names come from untrusted files, and a full matrix for a long one is gigabytes.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates) {
  // Nothing qbank knows is this long, so a longer name is no typo of it; and it spares comparing
  // megabytes of an untrusted key against every candidate.
  if (name.size() > k_max_suggest_length) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    std::size_t distance = edit_distance(name, candidate);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A third of the name (at least 1, at most 3 edits) is still a typo; more is another word.
  // Sharing the first four letters makes a wrong ending a typo too ("retry" / "retries").
  std::size_t allowed = std::clamp<std::size_t>(name.size() / 3, 1, 3);
  if (best && name.size() >= 4 && best->size() >= 4 && name.substr(0, 4) == std::string_view(*best).substr(0, 4))
    allowed = 3;
  if (best && best_distance <= allowed) return best;
  return std::nullopt;
}

}  // namespace qbank::config
