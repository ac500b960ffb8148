// libFuzzer harness: the URL code. Link extraction from Markdown (cmark-gfm with autolinks),
// the link policy's scheme check and address parsing, duration parsing, and the duplicate
// finder's URL normalisation.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dedup/url.hpp"
#include "links/config.hpp"
#include "links/extract.hpp"
#include "links/policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  qbank::dedup::normalize_url(input);
  qbank::links::parse_duration(input);
  qbank::links::classify_text(std::string(input));
  static const qbank::links::Policy policy;
  policy.refuse_scheme(input);
  for (const auto& url : qbank::links::markdown_urls(input)) {
    qbank::dedup::normalize_url(url);
    policy.refuse_scheme(url);
  }
  return 0;
}
