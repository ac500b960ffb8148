#include "exporters/anki/sha1.hpp"

#include <openssl/evp.h>

#include <memory>

#include "core/error.hpp"

namespace qbank::exporters::anki {

std::array<std::uint8_t, 20> sha1(std::string_view data) {
  // The algorithm is looked up once, and each thread reuses one context: OpenSSL's one-shot
  // SHA1() looks the algorithm up on every call, which costs more than hashing a short field.
  static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA1", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::array<std::uint8_t, 20> digest{};
  unsigned int size = 0;
  if (!algorithm || !context || EVP_DigestInit_ex2(context.get(), algorithm, nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1 || size != digest.size())
    throw Error("OpenSSL cannot compute SHA-1 here");
  return digest;
}

std::string sha1_hex(std::string_view data) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  for (auto byte : sha1(data)) {
    out += k_hex[byte >> 4];
    out += k_hex[byte & 15];
  }
  return out;
}

}  // namespace qbank::exporters::anki
