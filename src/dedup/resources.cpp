#include "dedup/resources.hpp"

#include <map>

#include <fmt/format.h>

#include "dedup/report.hpp"
#include "dedup/url.hpp"

namespace qbank::dedup {

namespace {

template <typename Owner>
void check_list(const std::vector<bank::Resource>& resources, const Owner& owner, std::vector<Diagnostic>& out) {
  if (resources.size() < 2) return;  // most questions: nothing to compare, nothing to allocate
  std::map<std::string, const bank::Resource*> seen;
  for (const auto& resource : resources) {
    auto [it, inserted] = seen.emplace(normalize_url(resource.url), &resource);
    if (inserted) continue;
    const bank::Resource& first = *it->second;
    Diagnostic d;
    d.rule = k_duplicate_resource;
    d.where = resource.where;
    d.message = first.url == resource.url
                    ? fmt::format("{} lists '{}' twice", owner(), resource.url)
                    : fmt::format("{} lists '{}' twice (here as '{}')", owner(), first.url, resource.url);
    d.hint = "remove one of the two entries (keep the better title)";
    d.related.push_back({first.where, "first listed here"});
    out.push_back(std::move(d));
  }
}

}  // namespace

std::vector<Diagnostic> duplicate_resources(const bank::Bank& bank) {
  std::vector<Diagnostic> out;
  // The owner's name is only built for a finding.
  if (!bank.info.file.empty()) check_list(bank.info.resources, [&] { return bank.info.file; }, out);
  for (const auto& section : bank.sections)
    for (const auto& q : section.questions) check_list(q.resources, [&] { return fmt::format("question '{}'", q.id); }, out);
  return out;
}

}  // namespace qbank::dedup
