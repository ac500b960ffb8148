#include "links/policy.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/user_pattern.hpp"

namespace qbank::links {

std::string_view to_string(AddressClass address_class) {
  switch (address_class) {
    case AddressClass::global: return "global";
    case AddressClass::private_use: return "private";
    case AddressClass::loopback: return "loopback";
    case AddressClass::link_local: return "link-local";
    case AddressClass::multicast: return "multicast";
    case AddressClass::unspecified: return "unspecified";
    case AddressClass::reserved: return "reserved";
  }
  return "?";
}

namespace {

bool in_prefix(std::uint32_t address, std::uint32_t network, int bits) {
  std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
  return (address & mask) == (network & mask);
}

constexpr std::uint32_t ip4(unsigned a, unsigned b, unsigned c, unsigned d) { return a << 24 | b << 16 | c << 8 | d; }

std::uint32_t embedded_ipv4(const unsigned char* bytes, int offset) {
  return std::uint32_t{bytes[offset]} << 24 | std::uint32_t{bytes[offset + 1]} << 16 | std::uint32_t{bytes[offset + 2]} << 8 |
         bytes[offset + 3];
}

bool all_zero(const unsigned char* bytes, int from, int to) {
  return std::all_of(bytes + from, bytes + to, [](unsigned char b) { return b == 0; });
}

}  // namespace

AddressClass classify_ipv4(std::uint32_t a) {
  if (in_prefix(a, ip4(0, 0, 0, 0), 8)) return AddressClass::unspecified;  // "this network"
  if (in_prefix(a, ip4(127, 0, 0, 0), 8)) return AddressClass::loopback;
  if (in_prefix(a, ip4(10, 0, 0, 0), 8) || in_prefix(a, ip4(172, 16, 0, 0), 12) || in_prefix(a, ip4(192, 168, 0, 0), 16))
    return AddressClass::private_use;
  if (in_prefix(a, ip4(100, 64, 0, 0), 10)) return AddressClass::private_use;  // carrier-grade NAT
  if (in_prefix(a, ip4(169, 254, 0, 0), 16)) return AddressClass::link_local;  // incl. cloud metadata
  if (in_prefix(a, ip4(224, 0, 0, 0), 4)) return AddressClass::multicast;
  if (in_prefix(a, ip4(240, 0, 0, 0), 4)) return AddressClass::reserved;  // incl. broadcast
  if (in_prefix(a, ip4(192, 0, 0, 0), 24) || in_prefix(a, ip4(198, 18, 0, 0), 15)) return AddressClass::reserved;
  if (in_prefix(a, ip4(192, 0, 2, 0), 24) || in_prefix(a, ip4(198, 51, 100, 0), 24) || in_prefix(a, ip4(203, 0, 113, 0), 24))
    return AddressClass::reserved;  // documentation ranges
  return AddressClass::global;
}

AddressClass classify_ipv6(const unsigned char* b) {
  if (all_zero(b, 0, 15)) return b[15] == 1 ? AddressClass::loopback : b[15] == 0 ? AddressClass::unspecified : AddressClass::reserved;
  // ::ffff:a.b.c.d (v4-mapped) and ::a.b.c.d (deprecated v4-compatible): the IPv4 decides.
  if (all_zero(b, 0, 10) && b[10] == 0xff && b[11] == 0xff) return classify_ipv4(embedded_ipv4(b, 12));
  if (all_zero(b, 0, 12)) return classify_ipv4(embedded_ipv4(b, 12));
  // 64:ff9b::/96 (NAT64): the embedded IPv4 decides too.
  static const unsigned char nat64[12] = {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, nat64, 12) == 0) return classify_ipv4(embedded_ipv4(b, 12));
  if (b[0] == 0xff) return AddressClass::multicast;                                  // ff00::/8
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::link_local;        // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressClass::private_use;       // fec0::/10 site-local
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::private_use;                       // fc00::/7 ULA
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressClass::reserved;  // 2001:db8::/32
  return AddressClass::global;
}

std::optional<AddressClass> classify(const sockaddr* address) {
  if (!address) return std::nullopt;
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return classify_ipv4(ntohl(v4->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
    return classify_ipv6(v6->sin6_addr.s6_addr);
  }
  return std::nullopt;
}

std::optional<AddressClass> classify_text(const std::string& address) {
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return classify_ipv4(ntohl(v4.s_addr));
  in6_addr v6{};
  if (inet_pton(AF_INET6, address.c_str(), &v6) == 1) return classify_ipv6(v6.s6_addr);
  return std::nullopt;
}

void Policy::compile() {
  m_excludes.clear();
  for (const auto& pattern : exclude_patterns) {
    try {
      m_excludes.push_back(compile_user_pattern(pattern));
    } catch (const Error& e) {
      throw Error(fmt::format("exclude {}", e.what()));
    }
  }
}

bool Policy::excluded(const std::string& url) const {
  return std::any_of(m_excludes.begin(), m_excludes.end(), [&](const std::regex& re) { return std::regex_search(url, re); });
}

std::optional<std::string> Policy::refuse_scheme(std::string_view url) const {
  auto colon = url.find(':');
  std::string scheme(url.substr(0, colon == std::string_view::npos ? 0 : colon));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  if (scheme == "http" || scheme == "https") return std::nullopt;
  if (scheme.empty()) return std::string("not an absolute URL");
  return fmt::format("scheme '{}' is not checked (only http and https)", scheme);
}

bool Policy::allows(const sockaddr* address) const {
  if (allow_private) return true;
  auto address_class = classify(address);
  return address_class && *address_class == AddressClass::global;
}

}  // namespace qbank::links
