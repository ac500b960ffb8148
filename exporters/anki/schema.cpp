#include "exporters/anki/schema.hpp"

#include "exporters/anki/ids.hpp"
#include "exporters/anki/note_type.hpp"

namespace qbank::exporters::anki {

const std::string_view k_schema_tables = R"(CREATE TABLE col (
    id              integer primary key,
    crt             integer not null,
    mod             integer not null,
    scm             integer not null,
    ver             integer not null,
    dty             integer not null,
    usn             integer not null,
    ls              integer not null,
    conf            text not null,
    models          text not null,
    decks           text not null,
    dconf           text not null,
    tags            text not null
);
CREATE TABLE notes (
    id              integer primary key,   /* 0 */
    guid            text not null,         /* 1 */
    mid             integer not null,      /* 2 */
    mod             integer not null,      /* 3 */
    usn             integer not null,      /* 4 */
    tags            text not null,         /* 5 */
    flds            text not null,         /* 6 */
    sfld            integer not null,      /* 7 */
    csum            integer not null,      /* 8 */
    flags           integer not null,      /* 9 */
    data            text not null          /* 10 */
);
CREATE TABLE cards (
    id              integer primary key,   /* 0 */
    nid             integer not null,      /* 1 */
    did             integer not null,      /* 2 */
    ord             integer not null,      /* 3 */
    mod             integer not null,      /* 4 */
    usn             integer not null,      /* 5 */
    type            integer not null,      /* 6 */
    queue           integer not null,      /* 7 */
    due             integer not null,      /* 8 */
    ivl             integer not null,      /* 9 */
    factor          integer not null,      /* 10 */
    reps            integer not null,      /* 11 */
    lapses          integer not null,      /* 12 */
    left            integer not null,      /* 13 */
    odue            integer not null,      /* 14 */
    odid            integer not null,      /* 15 */
    flags           integer not null,      /* 16 */
    data            text not null          /* 17 */
);
CREATE TABLE revlog (
    id              integer primary key,
    cid             integer not null,
    usn             integer not null,
    ease            integer not null,
    ivl             integer not null,
    lastIvl         integer not null,
    factor          integer not null,
    time            integer not null,
    type            integer not null
);
CREATE TABLE graves (
    usn             integer not null,
    oid             integer not null,
    type            integer not null
);
)";

const std::string_view k_schema_indexes = R"(CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
)";

nlohmann::json collection_conf(std::int64_t current_deck_id) {
  return {
      {"activeDecks", {current_deck_id}}, {"addToCur", true},          {"collapseTime", 1200},
      {"curDeck", current_deck_id},       {"curModel", std::to_string(k_model_id)},
      {"dueCounts", true},                {"estTimes", true},          {"newBury", true},
      {"newSpread", 0},                   {"nextPos", 1},              {"sortBackwards", false},
      {"sortType", "noteFld"},            {"timeLim", 0},
  };
}

namespace {
nlohmann::json deck_json(std::int64_t id, const std::string& name, const std::string& description, std::int64_t mod) {
  auto zero_pair = nlohmann::json::array({0, 0});
  return {
      {"id", id},          {"name", name},        {"desc", description}, {"mod", mod},         {"usn", -1},
      {"collapsed", false}, {"conf", 1},          {"dyn", 0},            {"extendNew", 10},    {"extendRev", 50},
      {"newToday", zero_pair}, {"revToday", zero_pair}, {"lrnToday", zero_pair}, {"timeToday", zero_pair},
  };
}
}  // namespace

nlohmann::json decks_json(const std::string& bank_deck, const std::string& description,
                          const std::vector<std::string>& section_decks, std::int64_t mod) {
  nlohmann::json decks = nlohmann::json::object();
  decks["1"] = deck_json(1, "Default", "", mod);
  std::int64_t parent = deck_id(bank_deck);
  decks[std::to_string(parent)] = deck_json(parent, bank_deck, description, mod);
  for (const auto& name : section_decks) {
    std::int64_t id = deck_id(name);
    decks[std::to_string(id)] = deck_json(id, name, "", mod);
  }
  return decks;
}

nlohmann::json deck_options_json() {
  nlohmann::json options = {
      {"id", 1},
      {"name", "Default"},
      {"mod", 0},
      {"usn", 0},
      {"autoplay", true},
      {"replayq", true},
      {"timer", 0},
      {"maxTaken", 60},
      {"new",
       {{"bury", true}, {"delays", {1, 10}}, {"initialFactor", 2500}, {"ints", {1, 4, 7}}, {"order", 1}, {"perDay", 20},
        {"separate", true}}},
      {"rev",
       {{"bury", true}, {"ease4", 1.3}, {"fuzz", 0.05}, {"ivlFct", 1}, {"maxIvl", 36500}, {"minSpace", 1}, {"perDay", 200}}},
      {"lapse", {{"delays", {10}}, {"leechAction", 0}, {"leechFails", 8}, {"minInt", 1}, {"mult", 0}}},
  };
  return {{"1", options}};
}

}  // namespace qbank::exporters::anki
