// `qbank export anki`: an Anki package (.apkg) as genanki writes it: a zip of
// collection.anki2 (SQLite, schema 11) and the `media` map ("{}": qbank ships no media).
// Determinism: ids come from names, rows go in in bank order inside one transaction, and the
// zip entries get fixed times, so the same bank and timestamp give byte-identical packages.
#include <optional>

#include "exporters/anki/html.hpp"
#include "exporters/anki/ids.hpp"
#include "exporters/anki/note_type.hpp"
#include "exporters/anki/notes.hpp"
#include "exporters/anki/previous.hpp"
#include "exporters/anki/scratch.hpp"
#include "exporters/anki/schema.hpp"
#include "exporters/anki/sqlite.hpp"
#include "exporters/anki/zip.hpp"
#include "exporters/exporter.hpp"

namespace qbank::exporters {

namespace {
using namespace anki;

void insert_collection(Database& db, const AnkiDeck& deck, const std::string& description, std::int64_t now,
                       std::int64_t model_mod) {
  std::int64_t parent = deck_id(deck.bank_deck);
  nlohmann::json models = nlohmann::json::object();
  models[std::to_string(k_model_id)] = model_json(model_mod, parent);
  Statement col(db, "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')");
  col.bind(1, now - now % 86400);  // crt: the collection's day 0
  col.bind(2, now * 1000);
  col.bind(3, now * 1000);
  col.bind(4, collection_conf(parent).dump());
  col.bind(5, models.dump());
  col.bind(6, decks_json(deck.bank_deck, description, deck.section_decks, now).dump());
  col.bind(7, deck_options_json().dump());
  col.run();
}

void insert_notes(Database& db, const AnkiDeck& deck, const PreviousPackage& previous, std::int64_t now) {
  Statement note(db, "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
  Statement card(db, "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  std::int64_t position = 0;
  for (const auto& each : deck.notes) {
    std::string fields = joined_fields(each);
    std::string tags = joined_tags(each);
    // A note keeps the time it last changed: Anki updates a note on import only when this is newer.
    std::int64_t mod = now;
    if (auto old = previous.notes.find(each.guid); old != previous.notes.end() && old->second.fields == fields &&
                                                    old->second.tags == tags)
      mod = old->second.mod;
    std::string sort_field = strip_html(each.fields[0]);
    std::int64_t nid = note_id(each.guid);
    note.bind(1, nid);
    note.bind(2, each.guid);
    note.bind(3, k_model_id);
    note.bind(4, mod);
    note.bind(5, tags);
    note.bind(6, fields);
    note.bind(7, sort_field);
    note.bind(8, field_checksum(sort_field));
    note.run();
    card.bind(1, card_id(each.guid));
    card.bind(2, nid);
    card.bind(3, deck_id(each.deck));
    card.bind(4, mod);
    card.bind(5, ++position);  // new cards are shown in bank order
    card.run();
  }
}
}  // namespace

void write_anki(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path) {
  ScratchDir scratch(tmp_path);
  PreviousPackage previous;
  if (options.previous) previous = read_previous(*options.previous, scratch.path());
  AnkiDeck deck = build_notes(bank);
  std::int64_t now = options.timestamp;
  // The note type's mod moves forward only when its templates or CSS changed.
  std::int64_t model_mod = previous.model_mod.value_or(now);

  std::filesystem::path collection = scratch.path() / "collection.anki2";
  {
    Database db(collection, false);
    // A throwaway file: no journal, no fsync; one transaction keeps the page layout stable.
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;");
    db.exec(k_schema_tables);
    db.exec("BEGIN");
    insert_collection(db, deck, bank.info.description, now, model_mod);
    insert_notes(db, deck, previous, now);
    db.exec(k_schema_indexes);
    db.exec("COMMIT");
    db.close();
  }
  write_zip(tmp_path, {{"collection.anki2", collection, {}}, {"media", {}, "{}"}}, now);
}

}  // namespace qbank::exporters
