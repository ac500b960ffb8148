// SHA-1, for Anki's note checksums (csum) and for deriving stable ids. None of qbank's allowed
// libraries exposes a hash, and SHA-1 is what Anki itself uses for csum, so here is a small one.
// Not for security.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace qbank::exporters::anki {

std::array<std::uint8_t, 20> sha1(std::string_view data);
std::string sha1_hex(std::string_view data);

}  // namespace qbank::exporters::anki
