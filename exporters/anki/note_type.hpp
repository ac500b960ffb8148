// qbank's own Anki note type: its id, name, fields, card template and CSS. These are part of
// every package's identity: the id and field names must never change (Anki matches the note
// type by id), and the template/CSS decide whether the model's `mod` moves forward.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

namespace qbank::exporters::anki {

inline constexpr std::int64_t k_model_id = 1764069111000;  // fixed forever
inline constexpr std::string_view k_note_type_name = "qbank question";
inline constexpr std::array<std::string_view, 4> k_field_names{"Question", "Answer", "Resources", "Id"};
inline constexpr std::string_view k_template_name = "Question > Answer";

std::string_view front_template();
std::string_view back_template();
std::string_view card_css();

// The model JSON stored in col.models under the key k_model_id.
nlohmann::json model_json(std::int64_t mod, std::int64_t deck_id);

// True if a stored model JSON has the same templates and CSS as ours (so its mod can stay).
bool same_templates(const nlohmann::json& stored_model);

}  // namespace qbank::exporters::anki
