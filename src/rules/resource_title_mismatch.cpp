// resource-title-mismatch: a link titled like a GitHub repository ("owner/repo") whose URL is
// another repository or not GitHub at all. Copy-pasted link lists drift this way (the seed
// document titles huyenchip.com's book "chip-huyen/ml-interviews-book"), and the reader is
// sent somewhere the title does not promise.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "rules/checks.hpp"
#include "rules/text_fields.hpp"

namespace qbank::rules {

namespace {

bool is_repo_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

// "owner/repo" and nothing else.
bool looks_like_repository(std::string_view title) {
  auto slash = title.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == title.size()) return false;
  if (title.find('/', slash + 1) != std::string_view::npos) return false;
  return std::all_of(title.begin(), title.end(), [](char c) { return c == '/' || is_repo_name_char(c); });
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

struct HostPath {
  std::string host;  // lower case, without "www."
  std::string path;  // after the host, without query or fragment
};

std::optional<HostPath> split_url(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  auto end = rest.find_first_of("?#");
  if (end != std::string_view::npos) rest = rest.substr(0, end);
  auto slash = rest.find('/');
  HostPath parts{lower(rest.substr(0, slash)), slash == std::string_view::npos ? "" : std::string(rest.substr(slash + 1))};
  if (parts.host.starts_with("www.")) parts.host.erase(0, 4);
  if (auto colon = parts.host.find(':'); colon != std::string::npos) parts.host.erase(colon);
  return parts;
}

// "owner/repo" of a github.com URL, or empty.
std::string repository_of(const HostPath& url) {
  if (url.host != "github.com") return {};
  auto first = url.path.find('/');
  if (first == std::string::npos) return {};
  auto second = url.path.find('/', first + 1);
  std::string repo = url.path.substr(0, second);
  if (repo.ends_with(".git")) repo.resize(repo.size() - 4);
  return repo;
}

// `owner_name()` names the resources' owner in a message; called only for a finding.
template <typename OwnerName>
void check_resources(const std::vector<bank::Resource>& resources, const OwnerName& owner_name, RuleContext& context) {
  for (const auto& resource : resources) {
    if (!looks_like_repository(resource.title)) continue;
    auto url = split_url(resource.url);
    if (!url) continue;  // the schema reports URLs it cannot read
    std::string repository = repository_of(*url);
    // Off GitHub, "TP/FP" or "Input/Output" are ordinary titles; a slug with '-', '_' or '.'
    // ("chip-huyen/ml-interviews-book") is what reads as a repository name.
    bool slug = resource.title.find_first_of("-_.") != std::string::npos;
    if (repository.empty()) {
      if (slug) {
        std::string owner = owner_name();
        context.report(resource.where,
                       fmt::format("{}: title '{}' names a GitHub repository, but the link goes to {}", owner, resource.title, url->host),
                       "title the link for what it is, e.g. the site's or the book's name");
      }
    } else if (lower(repository) != lower(resource.title)) {
      std::string owner = owner_name();
      context.report(resource.where,
                     fmt::format("{}: title '{}' does not match the repository the link goes to ({})", owner, resource.title, repository),
                     fmt::format("use '{}' as the title, or fix the URL", repository));
    }
  }
}

}  // namespace

void check_resource_title_mismatch(const bank::Bank& bank, RuleContext& context) {
  check_resources(bank.info.resources, [] { return std::string("bank.yaml"); }, context);
  for (const auto& section : bank.sections)
    for (std::size_t i = 0; i < section.questions.size(); ++i) {
      const auto& question = section.questions[i];
      check_resources(question.resources, [&] { return question_name(question, i); }, context);
    }
}

}  // namespace qbank::rules
