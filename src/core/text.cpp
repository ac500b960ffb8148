#include "core/text.hpp"

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace qbank::text {

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
  std::size_t offset = 0;
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  while (offset < bytes.size()) {
    // ASCII fast path: most of a question bank is ASCII.
    if (data[offset] < 0x80) {
      ++offset;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length = utf8proc_iterate(data + offset, static_cast<utf8proc_ssize_t>(bytes.size() - offset), &code_point);
    if (length <= 0 || code_point < 0) return offset;
    offset += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

std::string valid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (auto bad = find_invalid_utf8(bytes)) {
    out.append(bytes.substr(0, *bad));
    out.append("\xEF\xBF\xBD");
    bytes.remove_prefix(*bad + 1);
  }
  out.append(bytes);
  return out;
}

std::string with_thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

LineColumn line_column_at(std::string_view bytes, std::size_t offset) {
  LineColumn at;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    char c = bytes[i];
    if (c == '\n') {
      ++at.line;
      at.column = 1;
    } else if (c == '\r') {
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++at.column;  // count code points, not continuation bytes
    }
  }
  return at;
}

std::string fold_case_nfkc(std::string_view utf8) {
  utf8proc_uint8_t* mapped = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                         static_cast<utf8proc_ssize_t>(utf8.size()), &mapped, options);
  if (length < 0) return std::string(utf8);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

bool is_blank(std::string_view utf8) {
  std::size_t offset = 0;
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  while (offset < utf8.size()) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length = utf8proc_iterate(data + offset, static_cast<utf8proc_ssize_t>(utf8.size() - offset), &code_point);
    if (length <= 0) return false;
    auto category = utf8proc_category(code_point);
    bool space = category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
                 category == UTF8PROC_CATEGORY_ZP || code_point == '\t' || code_point == '\n' ||
                 code_point == '\r' || code_point == '\f' || code_point == '\v' ||
                 code_point == 0x200B || code_point == 0xFEFF;  // zero-width space, BOM
    if (!space) return false;
    offset += static_cast<std::size_t>(length);
  }
  return true;
}

std::vector<std::string_view> split_lines(std::string_view content) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= content.size();) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view text) {
  const char* spaces = " \t\r\n\f\v";
  auto first = text.find_first_not_of(spaces);
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(spaces);
  return text.substr(first, last - first + 1);
}

}  // namespace qbank::text
