#include "links/run.hpp"

#include <chrono>

#include <fmt/format.h>

#include "links/cache.hpp"

namespace qbank::links {

LinkRun run_links(std::vector<Link> links, const LinksSettings& settings, const std::set<std::string>& skip_urls,
                  const ProgressFn& progress) {
  auto started = std::chrono::steady_clock::now();
  LinkRun run;
  CheckOptions options = settings.check;
  options.policy.compile();

  std::int64_t now = unix_now();
  Cache cache;
  if (settings.cache_file) cache = Cache::load(*settings.cache_file, settings.max_age, now, run.warnings);

  std::vector<std::string> to_check;
  std::vector<std::size_t> checked_index;
  for (auto& link : links) {
    if (skip_urls.count(link.url)) continue;
    LinkResult result{std::move(link), {}};
    if (options.policy.excluded(result.link.url)) {
      result.outcome.verdict = Verdict::excluded;
      result.outcome.detail = "matches an exclude pattern";
    } else if (auto cached = cache.find(result.link.url)) {
      result.outcome = *cached;
    } else {
      to_check.push_back(result.link.url);
      checked_index.push_back(run.results.size());
    }
    run.results.push_back(std::move(result));
  }

  std::vector<Outcome> outcomes = check_urls(to_check, options, progress);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    run.requests += static_cast<std::size_t>(outcomes[i].attempts);
    run.results[checked_index[i]].outcome = std::move(outcomes[i]);
  }

  if (settings.cache_file) {
    now = unix_now();
    for (const auto& result : run.results)
      if (result.outcome.verdict != Verdict::excluded) cache.record(result.link.url, result.outcome, now);
    // Never replace a file that is not our cache: the path may come from untrusted config.
    // Saying so is enough; the check itself went fine.
    if (std::string why; Cache::replaceable(*settings.cache_file, why))
      cache.save(*settings.cache_file);
    else
      run.warnings.push_back(fmt::format("not updating the link cache {}: {}", settings.cache_file->string(), why));
  }
  run.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  return run;
}

}  // namespace qbank::links
