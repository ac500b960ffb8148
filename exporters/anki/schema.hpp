// Anki's legacy collection schema (version 11) as genanki writes it, and the JSON the `col`
// row carries (conf, decks, dconf). Current Anki still imports packages in this form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace qbank::exporters::anki {

// CREATE TABLE statements for col, notes, cards, revlog, graves.
extern const std::string_view k_schema_tables;
// The indexes, created after the rows are in (faster, and the same schema in the end).
extern const std::string_view k_schema_indexes;

// col.conf: collection settings, current deck and model.
nlohmann::json collection_conf(std::int64_t current_deck_id);
// col.decks: "Default" (id 1), the bank deck and one deck per section, keyed by id.
nlohmann::json decks_json(const std::string& bank_deck, const std::string& description,
                          const std::vector<std::string>& section_decks, std::int64_t mod);
// col.dconf: Anki's default options group (id 1).
nlohmann::json deck_options_json();

}  // namespace qbank::exporters::anki
