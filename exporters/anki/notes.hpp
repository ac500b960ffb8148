// A bank as Anki notes: what the .apkg and the anki-text exporters both write, so their GUIDs,
// fields, decks and tags are the same and the two formats round-trip.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "bank/model.hpp"

namespace qbank::exporters::anki {

struct AnkiNote {
  std::string guid;
  std::string deck;                   // "<bank deck>::<section>"
  std::array<std::string, 4> fields;  // HTML, in k_field_names order
  std::vector<std::string> tags;      // question tags, then the difficulty; no duplicates
};

struct AnkiDeck {
  std::string bank_deck;               // the parent deck
  std::vector<std::string> section_decks;  // one per section, in bank order
  std::vector<AnkiNote> notes;         // in bank order; a repeated question id only once
  std::vector<std::string> left_out;   // the questions not made into notes, and why
};

AnkiDeck build_notes(const bank::Bank& bank);

// build_notes in two steps, for a writer that renders while it writes: the notes with their
// GUID and deck but no fields or tags yet, and the question each one comes from; then
// fill_note renders one note (safe to call for different notes at once).
struct PlannedNotes {
  AnkiDeck deck;
  std::vector<const bank::Question*> sources;  // parallel to deck.notes
};
PlannedNotes plan_notes(const bank::Bank& bank);
class MediaSet;
// With `media`, local images point at their Anki media names (media.hpp).
void fill_note(AnkiNote& note, const bank::Question& question, const MediaSet* media = nullptr);

// Anki's `flds` column: the fields joined by 0x1f. Anki's `tags` column: " a b ".
std::string joined_fields(const AnkiNote& note);
std::string joined_tags(const AnkiNote& note);

}  // namespace qbank::exporters::anki
