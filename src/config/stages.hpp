// The stage sections of qbank.yaml (`links:`, `export:`, `dedup:`): every key and the kind of
// value it takes. The config loader checks them on every command, so a typo in `links:` fails
// `qbank lint` as well, at its line and column with a did-you-mean, instead of being accepted
// until the one command that reads it runs. The stages still read their own values.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "bank/yaml_document.hpp"

namespace qbank::config {

// Throws Error "qbank.yaml:4:3: unknown key 'links.retry' (did you mean 'retries'?)" or
// "qbank.yaml:4:12: links.timeout: 'soon' is not a duration such as 500ms, 10s or 5m".
void check_stage_section(const std::string& file, const std::string& section, const bank::YamlNode& mapping);

// rules.<id> as a mapping: `severity` plus the rule's own options (near-duplicate-question's
// threshold, repeated-section's min-run), each checked the same way.
void check_rule_options(const std::string& file, const std::string& rule_id, const bank::YamlNode& mapping);

// "250ms", "10s", "5m", "2h", "1d", or a bare number of seconds; nullopt when malformed.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace qbank::config
