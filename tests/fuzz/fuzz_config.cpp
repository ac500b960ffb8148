// libFuzzer harness: qbank.yaml (a file a pull request controls) through the config parser
// and the per-stage validators (dedup options, links settings). Tool errors (qbank::Error)
// are the expected outcome for bad input; anything else escaping is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/config.hpp"
#include "core/error.hpp"
#include "dedup/options.hpp"
#include "links/config.hpp"
#include "lint/lint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto known = qbank::lint::known_rule_ids();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    qbank::config::Config config = qbank::config::parse_config(text, "qbank.yaml", known);
    try {
      qbank::dedup::settings_from(config.options_of("near-duplicate-question"), config.options_of("repeated-section"));
    } catch (const qbank::Error&) {
    }
    qbank::links::LinksSettings settings;
    qbank::links::apply_config(config.stage("links"), config.file, settings);
  } catch (const qbank::Error&) {
  }
  return 0;
}
