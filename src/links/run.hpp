// The link check pipeline over extracted links: --against filter -> exclude -> cache ->
// checker -> cache update. The CLI (src/cli/links.cpp) loads the banks and renders the result;
// tests call run_links directly with a policy open to 127.0.0.1.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "links/checker.hpp"
#include "links/options.hpp"
#include "links/types.hpp"

namespace qbank::links {

struct LinkRun {
  std::vector<LinkResult> results;    // one per unique URL, sorted by URL
  std::vector<std::string> warnings;  // e.g. an unreadable cache file; for stderr
  std::size_t requests = 0;           // HTTP requests made in this run
  long elapsed_ms = 0;
};

// `skip_urls`: URLs to leave out entirely (those already in the --against reference bank).
// Throws Error only for tool failures (a bad exclude pattern, an unwritable cache file).
LinkRun run_links(std::vector<Link> links, const LinksSettings& settings, const std::set<std::string>& skip_urls = {},
                  const ProgressFn& progress = {});

}  // namespace qbank::links
