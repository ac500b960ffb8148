// libFuzzer harness: one YAML file through the loader (parse, limits, JSON conversion, schema
// validation, model building), as a section file or, when the first byte is odd, as bank.yaml.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bank/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string content(reinterpret_cast<const char*>(data), size);
  bool is_bank_yaml = size > 0 && (data[0] & 1) != 0;
  qbank::bank::LoadOptions options;
  options.threads = 1;
  qbank::bank::load_document("fuzz.yaml", std::move(content), is_bank_yaml, options);
  return 0;
}
