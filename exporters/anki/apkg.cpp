// `qbank export anki`: an Anki package (.apkg) as genanki writes it: a zip of
// collection.anki2 (SQLite, schema 11), the `media` map and the local images it lists.
// Determinism: ids come from names, rows go in in id order inside one transaction, and the
// zip entries get fixed times, so the same bank and timestamp give byte-identical packages.
// Speed (the writer alone: 100k notes in about 1.7 s on 2 cores, tests/bench/README.md): the
// collection lives in memory reserved and mapped up front; notes are rendered on the other
// cores while this thread inserts them, each rendered row freed once inserted; the zip is
// deflated by ISA-L on every core.
#include <algorithm>
#include <utility>
#include <vector>

#include "core/json_dump.hpp"
#include "exporters/anki/html.hpp"
#include "exporters/anki/ids.hpp"
#include "exporters/anki/media.hpp"
#include "exporters/anki/note_type.hpp"
#include "exporters/anki/notes.hpp"
#include "exporters/anki/ordered_work.hpp"
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
  col.bind(4, dump_json(collection_conf(parent)));
  col.bind(5, dump_json(models));
  col.bind(6, dump_json(decks_json(deck.bank_deck, description, deck.section_decks, now)));
  col.bind(7, dump_json(deck_options_json()));
  col.run();
}

// The collection's size, guessed from the bank's text: a note's fields as HTML (a little longer
// than the Markdown; each resource's URL twice), its question again as the sort field, its
// tags, and a fixed share for its row, card and index entries. Within 10% above the real size
// for the benchmark bank; a collection that outgrows it still grows, in steps.
std::size_t expected_collection_size(const bank::Bank& bank) {
  std::size_t size = std::size_t{1} << 20;
  for (const auto& section : bank.sections) {
    for (const auto& question : section.questions) {
      std::size_t text = 2 * question.question.size() + question.answer.size() + question.id.size();
      for (const auto& resource : question.resources)
        text += 2 * resource.url.size() + resource.title.size() + resource.description.size() + 64;
      for (const auto& tag : question.tags) text += tag.size() + 1;
      size += text + text / 4 + 256;
    }
  }
  return size;
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

// Frees what `value` holds. (Assigning an empty value would not: a std::string assigned an
// empty one keeps its buffer, and these are a hundred megabytes at 100k notes.)
template <typename T>
void release(T& value) {
  T gone = std::move(value);
}

// A note's row beyond its ids, prepared on the worker threads.
struct NoteRow {
  std::string fields;  // flds
  std::string tags;
  std::string sort_field;  // sfld
  std::int64_t checksum = 0;
  std::int64_t mod = 0;
  bool changed = true;  // new or different since --previous
};

// Per note, in bank order: what the cards table needs.
struct NoteIds {
  std::vector<std::int64_t> note_ids, card_ids, deck_ids, mods;
  std::size_t changed = 0;  // notes whose content differs from --previous (or new there)
};

NoteIds insert_notes(Database& db, PlannedNotes& planned, const PreviousPackage& previous, std::int64_t now,
                     const MediaSet& media) {
  auto& notes = planned.deck.notes;
  const std::size_t n = notes.size();
  NoteIds ids;
  // Plain references, not a structured binding: the lambdas below capture them, which C++20
  // allows for bindings but clang 14 does not implement.
  auto& note_ids = ids.note_ids;
  auto& card_ids = ids.card_ids;
  auto& deck_ids = ids.deck_ids;
  auto& mods = ids.mods;
  note_ids.resize(n);
  card_ids.resize(n);
  deck_ids.resize(n);
  mods.resize(n);
  parallel_for(n, [&](std::size_t i) {
    note_ids[i] = note_id(notes[i].guid);
    card_ids[i] = card_id(notes[i].guid);
  });
  make_ids_unique(note_ids);
  make_ids_unique(card_ids);
  std::string last_deck;
  std::int64_t last_deck_id = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& each = notes[i];
    if (each.deck != last_deck) {  // notes come section by section
      last_deck = each.deck;
      last_deck_id = deck_id(last_deck);
    }
    deck_ids[i] = last_deck_id;
  }

  // Rendering is most of the work: the other cores render the notes in insertion order (and
  // this thread too when it catches up with them) while this thread inserts them.
  const std::vector<std::size_t> order = order_by(note_ids);
  std::vector<NoteRow> rows(n);  // by position in `order`
  auto prepare = [&](std::size_t at) {
    std::size_t i = order[at];
    AnkiNote& each = notes[i];
    fill_note(each, *planned.sources[i], &media);
    NoteRow& row = rows[at];
    row.fields = joined_fields(each);
    row.tags = joined_tags(each);
    row.sort_field = strip_html(each.fields[0]);
    row.checksum = field_checksum(row.sort_field);
    // A note keeps the time it last changed: Anki updates a note on import only when this is newer.
    row.mod = now;
    if (auto old = previous.notes.find(each.guid); old != previous.notes.end() && old->second.fields == row.fields &&
                                                    old->second.tags == row.tags) {
      row.mod = old->second.mod;
      row.changed = false;
    }
    mods[i] = row.mod;
    // In the row now: freed here, by the thread that made them.
    release(each.fields);
    release(each.tags);
  };
  // The workers stay at most k_render_lead notes ahead of the inserts, so rendered rows are
  // freed soon after they are made and their memory is reused instead of the heap growing.
  constexpr std::size_t k_render_lead = 512;
  OrderedWork render(n, prepare, OrderedWork::default_workers(n), k_render_lead);
  Statement note(db, "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
  for (std::size_t at = 0; at < n; ++at) {
    render.wait_for(at);
    NoteRow& row = rows[at];
    std::size_t i = order[at];
    note.bind(1, note_ids[i]);
    note.bind_static(2, notes[i].guid);
    note.bind(3, k_model_id);
    note.bind(4, row.mod);
    note.bind_static(5, row.tags);
    note.bind_static(6, row.fields);
    note.bind_static(7, row.sort_field);
    note.bind(8, row.checksum);
    note.run();
    if (row.changed) ++ids.changed;
    release(row);  // inserted: freed now, while its memory is still in cache
  }
  return ids;
}

void insert_cards(Database& db, const NoteIds& ids) {
  const auto& note_ids = ids.note_ids;
  const auto& card_ids = ids.card_ids;
  const auto& deck_ids = ids.deck_ids;
  const auto& mods = ids.mods;
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

ExportReport write_anki(const bank::Bank& bank, const ExportOptions& options, const std::filesystem::path& tmp_path) {
  PreviousPackage previous;
  if (options.previous) {
    ScratchDir scratch(tmp_path);
    previous = read_previous(*options.previous, scratch.path());
  }
  PlannedNotes planned = plan_notes(bank);
  std::int64_t now = options.timestamp;
  // The note type's mod moves forward only when its templates or CSS changed.
  std::int64_t model_mod = previous.model_mod.value_or(now);

  // The collection is built in memory and its bytes go straight to the zip: no temp file
  // written, then read back. The database stays open until the zip is written (image() is a
  // view of its memory).
  Database db(Database::InMemory{"collection.anki2 (in memory)", expected_collection_size(bank)});
  // A throwaway database: no journal, no syncs; one transaction keeps the page layout stable.
  // A small page cache: the pages it lets go are copied into the in-memory file, cheaper than
  // a cache as big as the collection (an allocation and page faults per page, then a copy of
  // every page at commit).
  db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; "
          "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;");
  db.exec(k_schema_tables);
  db.exec("BEGIN");
  insert_collection(db, planned.deck, bank.info.description, now, model_mod);
  MediaSet media = MediaSet::collect(bank);
  NoteIds ids = insert_notes(db, planned, previous, now, media);
  insert_cards(db, ids);
  db.exec(k_schema_indexes);
  db.exec("COMMIT");
  // Local images travel as numbered entries listed in `media`, as genanki writes them.
  std::vector<std::string> contents = media.read_contents();
  std::string media_map = media.media_json();
  std::vector<ZipEntry> entries{{"collection.anki2", db.image()}, {"media", media_map}};
  for (std::size_t i = 0; i < contents.size(); ++i) entries.push_back({std::to_string(i), contents[i]});
  write_zip(tmp_path, entries, now);
  ExportReport report{planned.deck.notes.size(), "notes", planned.deck.section_decks.size(), "decks", std::nullopt,
                      std::move(planned.deck.left_out)};
  if (options.previous) report.changed = ids.changed;
  return report;
}

}  // namespace qbank::exporters
