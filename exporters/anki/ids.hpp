// Stable identities for what qbank puts into an Anki package. Anki recognises a note on
// re-import by its GUID, so the GUID depends only on the bank (its deck name) and the
// question id: never on content or time. Note, card and deck ids are derived the same way
// so that two exports of an unchanged bank are byte-identical.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::exporters::anki {

// The note GUID: Anki's base91 alphabet over 64 bits of SHA-1("<bank deck>\x1f<question id>").
std::string note_guid(std::string_view bank_deck, std::string_view question_id);

// Note and card ids are creation times in milliseconds to Anki, and Anki rewrites ids later
// than tomorrow when it imports a package or checks its database (maybe_fix_invalid_ids in
// rslib's dbcheck.rs), which forces a full sync. So they are hashes into a fixed window in the
// past, [2010-01-01, 2020-01-01) UTC: deterministic, and never in the future.
constexpr std::int64_t k_past_window_start = 1262304000000;  // 2010-01-01T00:00:00Z in ms
constexpr std::int64_t k_past_window_end = 1577836800000;    // 2020-01-01T00:00:00Z in ms
std::int64_t note_id(std::string_view guid);
std::int64_t card_id(std::string_view guid);
// Two hashes can meet in the window (at 100k notes, a few percent of packages would have a
// pair): a repeated id moves to the next free millisecond, in order of (id, position), so
// the result is deterministic and unique.
void make_ids_unique(std::vector<std::int64_t>& ids);

// Deck ids: positive and below 2^53 (Anki's JSON and JS need that), matched by name on import.
std::int64_t deck_id(std::string_view deck_name);

// Anki's checksum of a note: the first 8 hex digits of SHA-1 of the stripped sort field.
std::int64_t field_checksum(std::string_view stripped_sort_field);

// Tag text Anki accepts: no spaces (they separate tags), none of Anki's reserved characters.
std::string anki_tag(std::string_view tag);

}  // namespace qbank::exporters::anki
