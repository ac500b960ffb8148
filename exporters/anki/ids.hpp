// Stable identities for what qbank puts into an Anki package. Anki recognises a note on
// re-import by its GUID, so the GUID depends only on the bank (its deck name) and the
// question id: never on content or time. Note, card and deck ids are derived the same way
// so that two exports of an unchanged bank are byte-identical.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace qbank::exporters::anki {

// The note GUID: Anki's base91 alphabet over 64 bits of SHA-1("<bank deck>\x1f<question id>").
std::string note_guid(std::string_view bank_deck, std::string_view question_id);

// Ids for the package's rows, all positive and below 2^53 (Anki's JSON and JS need that).
std::int64_t note_id(std::string_view guid);
std::int64_t card_id(std::string_view guid);
std::int64_t deck_id(std::string_view deck_name);

// Anki's checksum of a note: the first 8 hex digits of SHA-1 of the stripped sort field.
std::int64_t field_checksum(std::string_view stripped_sort_field);

// Tag text Anki accepts: no spaces (they separate tags), none of Anki's reserved characters.
std::string anki_tag(std::string_view tag);

}  // namespace qbank::exporters::anki
