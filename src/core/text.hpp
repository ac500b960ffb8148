// Unicode text helpers over utf8proc, shared by the loader (validation, positions), the
// rules (placeholder and citation scans) and the duplicate finder (normalisation).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::text {

// Byte offset of the first byte that is not part of a valid UTF-8 sequence; nullopt if valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// `bytes` with each byte that is not part of valid UTF-8 replaced by U+FFFD, for messages
// that quote input (yaml-cpp quotes the byte it stopped at, which may be half a character).
std::string valid_utf8(std::string_view bytes);

// 1-based line and column (in code points) of a byte offset; "\r\n" counts as one line end.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column_at(std::string_view bytes, std::size_t offset);

// NFKC + Unicode case fold. Input must be valid UTF-8 (invalid input is returned unchanged).
std::string fold_case_nfkc(std::string_view utf8);

// True for a string with nothing but Unicode white space (or nothing at all).
bool is_blank(std::string_view utf8);

// 746900 -> "746,900", for counts in messages.
std::string with_thousands(std::size_t n);

// Removes leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

// The lines of a text, without their "\n" or "\r\n" (a text ending in "\n" ends in an empty line).
std::vector<std::string_view> split_lines(std::string_view content);

}  // namespace qbank::text
