// The .apkg as Anki reads it: zip entries, every table, the JSON in `col`, notes, cards,
// checksums, decks, tags and the safety of the card HTML.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <set>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {
constexpr std::int64_t k_epoch = 1700000000;

struct Exported {
  TempDir dir;
  Package package;
  Exported() : package(make()) {}
  Package make() {
    auto out = dir.path() / "deck.apkg";
    auto result = export_bank("anki", tricky_bank(), out, k_epoch);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return open_package(out, dir.path());
  }
  // The note's fields, split at 0x1f, found by the Id field.
  std::vector<std::string> fields_of(const std::string& id) {
    for (const auto& row : package.query("SELECT flds FROM notes")) {
      std::vector<std::string> fields;
      std::string field;
      for (char c : row[0] + '\x1f') {
        if (c == '\x1f') {
          fields.push_back(field);
          field.clear();
        } else {
          field += c;
        }
      }
      if (fields.size() == 4 && fields[3] == id) return fields;
    }
    FAIL("no note with id " << id);
    return {};
  }
};
}  // namespace

TEST_CASE("anki: the package holds collection.anki2 and an empty media map") {
  Exported exported;
  CHECK(exported.package.entries == std::vector<std::string>{"collection.anki2", "media"});
  CHECK(exported.package.media == "{}");
}

TEST_CASE("anki: the collection has genanki's schema-11 tables and indexes") {
  Exported exported;
  auto rows = exported.package.query("SELECT type, name FROM sqlite_master ORDER BY rowid");
  std::vector<std::string> names;
  for (const auto& row : rows) names.push_back(row[0] + " " + row[1]);
  CHECK(names == std::vector<std::string>{"table col", "table notes", "table cards", "table revlog", "table graves",
                                          "index ix_notes_usn", "index ix_cards_usn", "index ix_revlog_usn",
                                          "index ix_cards_nid", "index ix_cards_sched", "index ix_revlog_cid",
                                          "index ix_notes_csum"});
  CHECK(exported.package.query("SELECT count(*) FROM revlog")[0][0] == "0");
  CHECK(exported.package.query("SELECT count(*) FROM graves")[0][0] == "0");
  CHECK(exported.package.query("SELECT count(*) FROM notes")[0][0] == "6");
  // One card per note, new, in bank order, pointing at an existing note.
  auto cards = exported.package.query(
      "SELECT c.ord, c.type, c.queue, c.due, c.usn, n.mod = c.mod FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.due");
  REQUIRE(cards.size() == 6);
  for (std::size_t i = 0; i < cards.size(); ++i)
    CHECK(cards[i] == std::vector<std::string>{"0", "0", "0", std::to_string(i + 1), "-1", "1"});
}

TEST_CASE("anki: the col row carries version 11, our note type, the deck tree and options") {
  Exported exported;
  auto col = exported.package.query("SELECT ver, mod, models, decks, dconf, conf, tags FROM col");
  REQUIRE(col.size() == 1);
  CHECK(col[0][0] == "11");
  CHECK(col[0][1] == std::to_string(k_epoch * 1000));
  CHECK(col[0][6] == "{}");
  auto models = nlohmann::json::parse(col[0][2]);
  REQUIRE(models.size() == 1);
  const auto& model = models["1764069111000"];
  CHECK(model["name"] == "qbank question");
  CHECK(model["id"] == 1764069111000);
  CHECK(model["mod"] == k_epoch);
  CHECK(model["sortf"] == 0);
  CHECK(model["type"] == 0);
  std::vector<std::string> fields;
  for (const auto& field : model["flds"]) fields.push_back(field["name"]);
  CHECK(fields == std::vector<std::string>{"Question", "Answer", "Resources", "Id"});
  REQUIRE(model["tmpls"].size() == 1);
  CHECK(model["tmpls"][0]["qfmt"].get<std::string>().find("{{Question}}") != std::string::npos);
  CHECK(model["tmpls"][0]["afmt"].get<std::string>().find("{{Answer}}") != std::string::npos);
  std::string css = model["css"];
  CHECK(css.find(".nightMode") != std::string::npos);
  CHECK(css.find(".night_mode") != std::string::npos);

  auto decks = nlohmann::json::parse(col[0][3]);
  std::set<std::string> names;
  for (const auto& [key, deck] : decks.items()) {
    CHECK(key == std::to_string(deck["id"].get<std::int64_t>()));
    names.insert(deck["name"]);
  }
  CHECK(names == std::set<std::string>{"Default", "Tricky Deck", "Tricky Deck::Markup and Safety", "Tricky Deck::Spreadsheet Cells"});
  CHECK(nlohmann::json::parse(col[0][4]).contains("1"));
  CHECK(nlohmann::json::parse(col[0][5])["curModel"] == "1764069111000");

  // Every card sits in its section's deck.
  auto placed = exported.package.query("SELECT n.flds, c.did FROM notes n JOIN cards c ON c.nid = n.id");
  for (const auto& row : placed) {
    std::string deck_name = decks[row[1]]["name"];
    bool cells = row[0].find("formula-question") != std::string::npos || row[0].find("quotes-and-newlines") != std::string::npos ||
                 row[0].find("long-answer-wrapping") != std::string::npos;
    CHECK(deck_name == (cells ? "Tricky Deck::Spreadsheet Cells" : "Tricky Deck::Markup and Safety"));
  }
}

TEST_CASE("anki: sort field and csum are Anki's (SHA-1 of the stripped first field)") {
  Exported exported;
  auto rows = exported.package.query("SELECT sfld, csum, tags FROM notes WHERE flds LIKE '%script-in-answer'");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == "What does an answer with a script tag export as?");
  // sha1("What does an answer with a script tag export as?") = 36eeac74e3…; 0x36eeac74 = 921611380.
  CHECK(rows[0][1] == "921611380");
  CHECK(rows[0][2] == " security html basic ");
  // The sort field is text: no tags, entities decoded.
  for (const auto& row : exported.package.query("SELECT sfld FROM notes")) CHECK(row[0].find('<') == std::string::npos);
  auto quoted = exported.package.query("SELECT sfld FROM notes WHERE flds LIKE '%quotes-and-newlines'");
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0][0] == "He said \"hello\", then wrote a second line?");
}

TEST_CASE("anki: raw HTML and javascript: links never reach a card, and math passes through") {
  Exported exported;
  for (const auto& row : exported.package.query("SELECT flds FROM notes")) {
    CHECK(row[0].find("<script") == std::string::npos);
    CHECK(row[0].find("javascript:") == std::string::npos);
    CHECK(row[0].find("onclick") == std::string::npos);
  }
  auto script = exported.fields_of("script-in-answer");
  CHECK(script[1].find("Plain text only.") != std::string::npos);
  auto math = exported.fields_of("math-passthrough");
  CHECK(math[0] == "<p>What is the softmax of \\(z_i\\)?</p>");
  CHECK(math[1].find("\\(\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\\)") != std::string::npos);
  CHECK(math[1].find("\\[ a_1 * b_2 = c_{*} \\]") != std::string::npos);
}

TEST_CASE("anki: GFM tables, strikethrough and autolinks render, and resources are a list of links") {
  Exported exported;
  auto fields = exported.fields_of("table-and-strike");
  CHECK(fields[0].find("<del>strikethrough</del>") != std::string::npos);
  CHECK(fields[1].find("<table>") != std::string::npos);
  CHECK(fields[1].find("<a href=\"http://www.example.com\">www.example.com</a>") != std::string::npos);
  CHECK(fields[2] ==
        "<ul class=\"resources\"><li><a href=\"https://example.com/gfm\">GFM spec</a> — The GitHub Flavored Markdown "
        "specification.</li><li><a href=\"https://example.com/bare\">https://example.com/bare</a></li></ul>");
  CHECK(exported.fields_of("formula-question")[2].empty());
}

TEST_CASE("anki: the same bank and SOURCE_DATE_EPOCH give a byte-identical package") {
  TempDir dir;
  REQUIRE(export_bank("anki", tricky_bank(), dir.path() / "a.apkg", k_epoch).exit_code == 0);
  REQUIRE(export_bank("anki", tricky_bank(), dir.path() / "b.apkg", k_epoch).exit_code == 0);
  REQUIRE(export_bank("anki", tricky_bank(), dir.path() / "c.apkg", k_epoch + 86400).exit_code == 0);
  CHECK(read_text(dir.path() / "a.apkg") == read_text(dir.path() / "b.apkg"));
  CHECK(read_text(dir.path() / "a.apkg") != read_text(dir.path() / "c.apkg"));

  // Zip entry times are written in UTC, so the time zone does not change the bytes either.
  auto out = (dir.path() / "tz.apkg").string();
  auto result = run_qbank({"export", "anki", tricky_bank().string(), "-o", out}, {},
                          {{"SOURCE_DATE_EPOCH", std::to_string(k_epoch)}, {"TZ", "America/New_York"}});
  REQUIRE(result.exit_code == 0);
  CHECK(read_text(out) == read_text(dir.path() / "a.apkg"));
}

TEST_CASE("anki: a collection of many deflate chunks is complete and valid and reproducible") {
  // 4,000 notes with long answers: a collection over 16 MiB, deflated in many 1 MiB chunks on
  // every core.
  TempDir dir;
  dir.write("bank/bank.yaml", "title: Big\ndeck: Big Deck\n");
  std::uint32_t state = 7;
  std::string section;
  for (int q = 0; q < 4000; ++q) {
    if (q % 1000 == 0) section = "section: Long Answers " + std::to_string(q / 1000) + "\nquestions:\n";
    section += "  - id: q" + std::to_string(q) + "\n    question: Question number " + std::to_string(q) +
               "?\n    answer: >-\n      ";
    for (int w = 0; w < 700; ++w) {
      state = state * 1103515245u + 12345u;
      section += 'w';
      section += std::to_string((state >> 8) % 3000);
      section += w % 12 == 11 ? "\n      " : " ";
    }
    section += "end\n    difficulty: basic\n";
    if (q % 1000 == 999) dir.write("bank/0" + std::to_string(q / 1000) + "-long.yaml", section);  // under 16 MiB a file
  }
  auto result = export_bank("anki", dir.path() / "bank", dir.path() / "a.apkg", k_epoch, {"--force"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  REQUIRE(export_bank("anki", dir.path() / "bank", dir.path() / "b.apkg", k_epoch, {"--force"}).exit_code == 0);
  CHECK(read_text(dir.path() / "a.apkg") == read_text(dir.path() / "b.apkg"));

  auto package = open_package(dir.path() / "a.apkg", dir.path());
  CHECK(std::filesystem::file_size(package.collection) > (std::uintmax_t{16} << 20));
  CHECK(package.query("PRAGMA integrity_check")[0][0] == "ok");
  CHECK(package.query("SELECT count(*) FROM notes")[0][0] == "4000");
  CHECK(package.query("SELECT count(*) FROM cards c JOIN notes n ON n.id = c.nid")[0][0] == "4000");
  CHECK(package.query("SELECT count(*) FROM sqlite_master WHERE type = 'index'")[0][0] == "7");
  auto sort_field = package.query("SELECT sfld FROM notes WHERE flds LIKE '%\x1fq1234'");
  REQUIRE(sort_field.size() == 1);
  CHECK(sort_field[0][0] == "Question number 1234?");
  if (std::system("python3 -c 'import zipfile' >/dev/null 2>&1") == 0) {
    std::string command = "python3 -c \"import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)\" '" +
                          (dir.path() / "a.apkg").string() + "'";
    CHECK(std::system(command.c_str()) == 0);
  }
}

TEST_CASE("anki: a collection far bigger than its text suggests (tables) is still complete") {
  // The writer reserves memory for the collection from the size of the bank's Markdown; tables
  // turn a few bytes of Markdown into many bytes of HTML, so this one outgrows the guess.
  TempDir dir;
  dir.write("bank/bank.yaml", "title: Tables\ndeck: Tables\n");
  std::string section = "section: Wide\nquestions:\n";
  for (int q = 0; q < 300; ++q) {
    section += "  - id: t" + std::to_string(q) + "\n    question: Table " + std::to_string(q) +
               "?\n    difficulty: basic\n    answer: |\n      |a|b|\n      |-|-|\n";
    for (int row = 0; row < 3000; ++row) section += "      |" + std::to_string(row % 10) + "|y|\n";
  }
  dir.write("bank/wide.yaml", section);
  auto result = export_bank("anki", dir.path() / "bank", dir.path() / "t.apkg", k_epoch, {"--force"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto package = open_package(dir.path() / "t.apkg", dir.path());
  const std::uintmax_t answer_bytes = 300 * (12 + 3000 * 6);  // the Markdown, without YAML's indentation
  CHECK(std::filesystem::file_size(package.collection) > 3 * answer_bytes);
  CHECK(package.query("PRAGMA integrity_check")[0][0] == "ok");
  CHECK(package.query("SELECT count(*) FROM notes")[0][0] == "300");
  CHECK(package.query("SELECT count(*) FROM notes WHERE flds LIKE '%<td>9</td>%'")[0][0] == "300");
  CHECK(package.query("SELECT (length(flds) - length(replace(flds, '<tr>', ''))) / 4 FROM notes LIMIT 1")[0][0] == "3001");
}
