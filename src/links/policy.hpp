// Policy: what the checker may request. Only http and https (also after redirects), no
// connection to a private, loopback, link-local, multicast or unspecified address unless the
// user allows it (SSRF protection for CI runners on cloud networks), and URLs matching an
// exclude pattern are not requested at all. The address test runs on the address the socket
// is about to connect to (after DNS, for every redirect hop), so a public name that
// resolves to 127.0.0.1 or 169.254.169.254 is refused as well.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <sys/socket.h>

namespace qbank::links {

enum class AddressClass { global, private_use, loopback, link_local, multicast, unspecified, reserved };

std::string_view to_string(AddressClass address_class);

// Classifies an IPv4 address in host byte order.
AddressClass classify_ipv4(std::uint32_t address);
// Classifies an IPv6 address (16 bytes, network order); v4-mapped/-compatible and NAT64
// forms are judged by their embedded IPv4 address.
AddressClass classify_ipv6(const unsigned char* bytes);
// nullopt for a family other than AF_INET/AF_INET6.
std::optional<AddressClass> classify(const sockaddr* address);
// Parses a textual IPv4/IPv6 address (for tests and messages); nullopt if it is not one.
std::optional<AddressClass> classify_text(const std::string& address);

struct Policy {
  bool allow_private = false;
  std::vector<std::string> exclude_patterns;  // ECMAScript regexes, searched anywhere in the URL

  // Compiles the patterns; throws Error naming a bad one.
  void compile();
  bool excluded(const std::string& url) const;
  // "http"/"https" (case-insensitive) scheme; otherwise the reason it is refused.
  std::optional<std::string> refuse_scheme(std::string_view url) const;
  // May the checker connect to this resolved address?
  bool allows(const sockaddr* address) const;

 private:
  std::vector<std::regex> m_excludes;
};

}  // namespace qbank::links
