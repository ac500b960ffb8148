// `qbank export anki`: an Anki package (.apkg) as genanki writes it: a zip of
// collection.anki2 (SQLite, schema 11) and the `media` map ("{}": qbank ships no media).
// Determinism: ids come from names, rows go in in bank order inside one transaction, and the
// zip entries get fixed times, so the same bank and timestamp give byte-identical packages.
#include <algorithm>
#include <optional>
#include <vector>

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

// Rows go in in id order: ids are hashes, and appending to SQLite's b-trees instead of
// inserting at random places makes the file half the size and the inserts several times faster.
template <typename Key>
std::vector<std::size_t> order_by(const std::vector<Key>& keys) {
  std::vector<std::size_t> order(keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  return order;
}

void insert_notes(Database& db, const AnkiDeck& deck, const PreviousPackage& previous, std::int64_t now) {
  const std::size_t n = deck.notes.size();
  std::vector<std::int64_t> note_ids(n), card_ids(n), mods(n), deck_ids(n);
  std::string last_deck;
  std::int64_t last_deck_id = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& each = deck.notes[i];
    note_ids[i] = note_id(each.guid);
    card_ids[i] = card_id(each.guid);
    if (each.deck != last_deck) {  // notes come section by section
      last_deck = each.deck;
      last_deck_id = deck_id(last_deck);
    }
    deck_ids[i] = last_deck_id;
  }

  Statement note(db, "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
  for (std::size_t i : order_by(note_ids)) {
    const auto& each = deck.notes[i];
    std::string fields = joined_fields(each);
    std::string tags = joined_tags(each);
    // A note keeps the time it last changed: Anki updates a note on import only when this is newer.
    mods[i] = now;
    if (auto old = previous.notes.find(each.guid); old != previous.notes.end() && old->second.fields == fields &&
                                                    old->second.tags == tags)
      mods[i] = old->second.mod;
    std::string sort_field = strip_html(each.fields[0]);
    note.bind(1, note_ids[i]);
    note.bind(2, each.guid);
    note.bind(3, k_model_id);
    note.bind(4, mods[i]);
    note.bind(5, tags);
    note.bind(6, fields);
    note.bind(7, sort_field);
    note.bind(8, field_checksum(sort_field));
    note.run();
  }
  Statement card(db, "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  for (std::size_t i : order_by(card_ids)) {
    card.bind(1, card_ids[i]);
    card.bind(2, note_ids[i]);
    card.bind(3, deck_ids[i]);
    card.bind(4, mods[i]);
    card.bind(5, static_cast<std::int64_t>(i) + 1);  // new cards are shown in bank order
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
    // The page cache holds the whole file (about 1 KiB per note), so pages are written once, at
    // commit, instead of being evicted and re-read while the indexes are built.
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; "
            "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-524288;");
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
