#include "links/cache.hpp"

#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/json_dump.hpp"

namespace qbank::links {

namespace {

constexpr int k_format_version = 1;

bool cacheable(Verdict verdict) { return verdict == Verdict::ok || verdict == Verdict::redirected; }

}  // namespace

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Cache Cache::parse(const std::string& text, std::chrono::seconds max_age, std::int64_t now) {
  auto json = nlohmann::json::parse(text);  // throws on a truncated or corrupt file
  if (!json.is_object() || json.value("version", 0) != k_format_version || !json.at("links").is_array())
    throw std::runtime_error("not a qbank link cache (version 1)");
  Cache cache;
  for (const auto& item : json.at("links")) {
    CacheEntry entry;
    auto verdict = parse_verdict(item.at("status").get<std::string>());
    if (!verdict || !cacheable(*verdict)) continue;
    entry.checked_at = item.at("checked_at").get<std::int64_t>();
    if (now - entry.checked_at > max_age.count() || entry.checked_at > now + 60) continue;  // stale, or from the future
    entry.outcome.verdict = *verdict;
    entry.outcome.http_status = item.value("http_status", 0L);
    entry.outcome.final_url = item.value("final_url", "");
    entry.outcome.detail = item.value("detail", "");
    cache.m_entries[item.at("url").get<std::string>()] = std::move(entry);
  }
  return cache;
}

Cache Cache::load(const std::filesystem::path& file, std::chrono::seconds max_age, std::int64_t now,
                  std::vector<std::string>& warnings) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return {};
  try {
    return parse(read_file(file), max_age, now);
  } catch (const std::exception& e) {
    warnings.push_back(fmt::format("ignoring link cache {}: {}", file.string(), e.what()));
    return {};
  }
}

std::optional<Outcome> Cache::find(const std::string& url) const {
  auto it = m_entries.find(url);
  if (it == m_entries.end()) return std::nullopt;
  Outcome outcome = it->second.outcome;
  outcome.cached = true;
  outcome.attempts = 0;
  outcome.elapsed_ms = 0;
  return outcome;
}

void Cache::record(const std::string& url, const Outcome& outcome, std::int64_t now) {
  if (!cacheable(outcome.verdict)) {
    m_entries.erase(url);
    return;
  }
  if (outcome.cached) return;  // keep the original check time, so max age means what it says
  m_entries[url] = CacheEntry{outcome, now};
}

std::string Cache::serialize() const {
  nlohmann::json links = nlohmann::json::array();
  for (const auto& [url, entry] : m_entries) {
    links.push_back({{"url", url},
                     {"status", to_string(entry.outcome.verdict)},
                     {"http_status", entry.outcome.http_status},
                     {"final_url", entry.outcome.final_url},
                     {"detail", entry.outcome.detail},
                     {"checked_at", entry.checked_at}});
  }
  nlohmann::json json{{"version", k_format_version}, {"links", std::move(links)}};
  return dump_json(json, 1) + "\n";
}

bool Cache::replaceable(const std::filesystem::path& file, std::string& why) {
  std::error_code ec;
  auto status = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(status)) return true;
  if (!std::filesystem::is_regular_file(status)) {
    why = "it is not a regular file";
    return false;
  }
  // A cache of a million URLs is ~200 MB; anything larger is not one of ours.
  auto size = std::filesystem::file_size(file, ec);
  if (ec || size > (std::uintmax_t{512} << 20)) {
    why = "it is too large to be a qbank link cache";
    return false;
  }
  try {
    std::string text = read_file(file);
    // What serialize() writes starts so; a file cut short after that is a damaged cache of ours.
    if (text.starts_with("{\n \"links\": [")) return true;
    auto json = nlohmann::json::parse(text);
    if (json.is_object() && json.value("version", 0) == k_format_version && json.contains("links") && json["links"].is_array())
      return true;
  } catch (const std::exception&) {
    // unreadable or not JSON: not ours
  }
  why = "it is not a qbank link cache (delete it if it is a damaged one)";
  return false;
}

void Cache::save(const std::filesystem::path& file) const {
  std::string why;
  if (!replaceable(file, why)) throw Error(fmt::format("not replacing {}: {}", file.string(), why));
  // The cache's folder is ours to make (".cache/links.json" on a fresh checkout); a folder that
  // cannot be made is reported by the write below.
  std::error_code ignored;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ignored);
  write_file_atomically(file, serialize());
}

}  // namespace qbank::links
