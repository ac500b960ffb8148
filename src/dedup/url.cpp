#include "dedup/url.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace qbank::dedup {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return out;
}

}  // namespace

std::string normalize_url(std::string_view url) {
  url = text::trim(url);
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return std::string(url);
  std::string scheme = lower(url.substr(0, scheme_end));
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('#'));  // the fragment never reaches the server

  auto authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view tail = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);

  // user info is case-sensitive; only the host (and port) after the last '@' are normalised.
  auto at = authority.rfind('@');
  std::string user = at == std::string_view::npos ? std::string{} : std::string(authority.substr(0, at + 1));
  std::string host = lower(at == std::string_view::npos ? authority : authority.substr(at + 1));
  auto colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
    std::string port = host.substr(colon + 1);
    if (port.empty() || (scheme == "http" && port == "80") || (scheme == "https" && port == "443")) host.erase(colon);
  }
  if (host.starts_with("www.")) host.erase(0, 4);

  auto query_at = tail.find('?');
  std::string path(tail.substr(0, query_at));
  std::string_view query = query_at == std::string_view::npos ? std::string_view{} : tail.substr(query_at);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return scheme + "://" + user + host + path + std::string(query);
}

}  // namespace qbank::dedup
