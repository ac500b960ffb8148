#include "bank/media.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace qbank::bank {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t k_max_image_bytes = std::uintmax_t{64} << 20;

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) && std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool inside(const fs::path& path, const fs::path& root) {
  auto mismatch = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return mismatch.first == root.end();
}

}  // namespace

LocalImage resolve_local_image(const Bank& bank, const Section& section, std::string_view url) {
  LocalImage image;
  std::string_view path_part = url.substr(0, url.find_first_of("?#"));
  std::string decoded = percent_decoded(path_part);
  if (decoded.empty() || decoded.find('\0') != std::string::npos) {
    image.problem = "is not a file path";
    return image;
  }
  std::error_code error;
  fs::path section_folder = fs::absolute(fs::path(section.file).parent_path(), error);
  fs::path root = fs::weakly_canonical(bank.root.empty() ? section_folder : fs::absolute(bank.root, error), error);
  fs::path wanted = fs::path(decoded).is_absolute() ? fs::path(decoded) : section_folder / decoded;
  fs::path resolved = fs::weakly_canonical(wanted, error);
  if (error || !inside(resolved, root)) {
    image.problem = "is outside the bank folder";
    return image;
  }
  if (!fs::exists(resolved, error)) {
    image.problem = "was not found";
    return image;
  }
  if (!fs::is_regular_file(resolved, error)) {
    image.problem = "is not a regular file";
    return image;
  }
  // A package is read into memory; an image this large is a mistake (or an attack on CI).
  if (fs::file_size(resolved, error) > k_max_image_bytes || error) {
    image.problem = "is larger than 64 MiB";
    return image;
  }
  image.file = resolved;
  std::string relative = resolved.lexically_relative(root).generic_string();
  for (char& c : relative)
    if (c == '/') c = '_';
  image.media_name = relative;
  return image;
}

}  // namespace qbank::bank
