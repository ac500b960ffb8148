// The address classifier behind the SSRF refusal, and the scheme and exclude rules.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "core/error.hpp"
#include "links/policy.hpp"

using namespace qbank::links;

namespace {
AddressClass of(const std::string& text) {
  auto c = classify_text(text);
  REQUIRE(c.has_value());
  return *c;
}
}  // namespace

TEST_CASE("IPv4 ranges", "[links][policy]") {
  CHECK(of("127.0.0.1") == AddressClass::loopback);
  CHECK(of("127.255.255.254") == AddressClass::loopback);
  CHECK(of("10.0.0.1") == AddressClass::private_use);
  CHECK(of("10.255.255.255") == AddressClass::private_use);
  CHECK(of("172.16.0.1") == AddressClass::private_use);
  CHECK(of("172.31.255.255") == AddressClass::private_use);
  CHECK(of("172.15.255.255") == AddressClass::global);
  CHECK(of("172.32.0.0") == AddressClass::global);
  CHECK(of("192.168.1.1") == AddressClass::private_use);
  CHECK(of("192.169.0.1") == AddressClass::global);
  CHECK(of("100.64.0.1") == AddressClass::private_use);
  CHECK(of("100.128.0.1") == AddressClass::global);
  CHECK(of("169.254.169.254") == AddressClass::link_local);  // cloud metadata
  CHECK(of("224.0.0.1") == AddressClass::multicast);
  CHECK(of("239.255.255.250") == AddressClass::multicast);
  CHECK(of("0.0.0.0") == AddressClass::unspecified);
  CHECK(of("0.1.2.3") == AddressClass::unspecified);
  CHECK(of("255.255.255.255") == AddressClass::reserved);
  CHECK(of("240.0.0.1") == AddressClass::reserved);
  CHECK(of("192.0.2.10") == AddressClass::reserved);
  CHECK(of("198.18.0.1") == AddressClass::reserved);
  CHECK(of("8.8.8.8") == AddressClass::global);
  CHECK(of("1.1.1.1") == AddressClass::global);
  CHECK(of("93.184.216.34") == AddressClass::global);
  CHECK(of("126.255.255.255") == AddressClass::global);
  CHECK(of("128.0.0.1") == AddressClass::global);
}

TEST_CASE("IPv6 ranges", "[links][policy]") {
  CHECK(of("::1") == AddressClass::loopback);
  CHECK(of("::") == AddressClass::unspecified);
  CHECK(of("fe80::1") == AddressClass::link_local);
  CHECK(of("febf:ffff::1") == AddressClass::link_local);
  CHECK(of("fec0::1") == AddressClass::private_use);
  CHECK(of("fc00::1") == AddressClass::private_use);
  CHECK(of("fd12:3456:789a::1") == AddressClass::private_use);
  CHECK(of("fe00::1") == AddressClass::global);
  CHECK(of("ff02::1") == AddressClass::multicast);
  CHECK(of("ff05::1:3") == AddressClass::multicast);
  CHECK(of("2001:db8::1") == AddressClass::reserved);
  CHECK(of("2606:4700:4700::1111") == AddressClass::global);
  CHECK(of("2a00:1450:4001::200e") == AddressClass::global);
}

TEST_CASE("IPv6 forms that embed an IPv4 address are judged by it", "[links][policy]") {
  CHECK(of("::ffff:127.0.0.1") == AddressClass::loopback);
  CHECK(of("::ffff:10.1.2.3") == AddressClass::private_use);
  CHECK(of("::ffff:169.254.169.254") == AddressClass::link_local);
  CHECK(of("::ffff:8.8.8.8") == AddressClass::global);
  CHECK(of("::127.0.0.1") == AddressClass::loopback);          // v4-compatible
  CHECK(of("64:ff9b::192.168.0.1") == AddressClass::private_use);  // NAT64
  CHECK(of("64:ff9b::8.8.8.8") == AddressClass::global);
}

TEST_CASE("classify reads socket addresses of both families", "[links][policy]") {
  sockaddr_in v4{};
  v4.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &v4.sin_addr);
  CHECK(classify(reinterpret_cast<sockaddr*>(&v4)) == AddressClass::loopback);
  sockaddr_in6 v6{};
  v6.sin6_family = AF_INET6;
  inet_pton(AF_INET6, "2606:4700:4700::1111", &v6.sin6_addr);
  CHECK(classify(reinterpret_cast<sockaddr*>(&v6)) == AddressClass::global);
  sockaddr unix_like{};
  unix_like.sa_family = AF_UNIX;
  CHECK_FALSE(classify(&unix_like).has_value());

  Policy policy;
  CHECK_FALSE(policy.allows(reinterpret_cast<sockaddr*>(&v4)));
  CHECK(policy.allows(reinterpret_cast<sockaddr*>(&v6)));
  CHECK_FALSE(policy.allows(&unix_like));
  policy.allow_private = true;
  CHECK(policy.allows(reinterpret_cast<sockaddr*>(&v4)));
}

TEST_CASE("classify_text rejects non-addresses", "[links][policy]") {
  CHECK_FALSE(classify_text("localhost").has_value());
  CHECK_FALSE(classify_text("256.1.1.1").has_value());
  CHECK_FALSE(classify_text("").has_value());
}

TEST_CASE("only http and https are allowed", "[links][policy]") {
  Policy policy;
  CHECK_FALSE(policy.refuse_scheme("http://example.org").has_value());
  CHECK_FALSE(policy.refuse_scheme("HTTPS://example.org").has_value());
  CHECK(policy.refuse_scheme("ftp://example.org") == "scheme 'ftp' is not checked (only http and https)");
  CHECK(policy.refuse_scheme("file:///etc/passwd").has_value());
  CHECK(policy.refuse_scheme("gopher://x").has_value());
  CHECK(policy.refuse_scheme("no-scheme").has_value());
}

TEST_CASE("exclude patterns are regexes searched anywhere", "[links][policy]") {
  Policy policy;
  policy.exclude_patterns = {R"(^https://example\.com/)", "linkedin"};
  policy.compile();
  CHECK(policy.excluded("https://example.com/a"));
  CHECK_FALSE(policy.excluded("https://example.org/a"));
  CHECK(policy.excluded("https://www.linkedin.com/in/x"));
  policy.exclude_patterns = {"(unclosed"};
  CHECK_THROWS_AS(policy.compile(), qbank::Error);
}
