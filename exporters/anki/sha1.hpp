// SHA-1, for Anki's note checksums (csum, which Anki defines with SHA-1) and for deriving stable
// ids. Not for security. OpenSSL's libcrypto (already here under libcurl) computes it, with the
// CPU's SHA instructions where there are some.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace qbank::exporters::anki {

// Throws Error if OpenSSL cannot provide SHA-1 (a configuration that disables it).
std::array<std::uint8_t, 20> sha1(std::string_view data);
std::string sha1_hex(std::string_view data);

}  // namespace qbank::exporters::anki
