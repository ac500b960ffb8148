// The anki-text file: Anki's header lines, one quoted, tab-separated row per note, and the same
// GUIDs as the .apkg so the two formats update the same notes.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {
// Splits one quoted, tab-separated record (fields may hold newlines) from `text` at `at`.
std::vector<std::string> next_record(const std::string& text, std::size_t& at) {
  std::vector<std::string> fields;
  while (at < text.size()) {
    REQUIRE(text[at] == '"');
    std::string field;
    for (++at;; ++at) {
      REQUIRE(at < text.size());
      if (text[at] == '"') {
        if (at + 1 < text.size() && text[at + 1] == '"') {
          field += '"';
          ++at;
          continue;
        }
        ++at;
        break;
      }
      field += text[at];
    }
    fields.push_back(field);
    REQUIRE(at < text.size());
    if (text[at++] == '\n') break;
    REQUIRE(text[at - 1] == '\t');
  }
  return fields;
}
}  // namespace

TEST_CASE("anki-text: header lines name qbank's note type and the GUID, deck and tags columns") {
  TempDir dir;
  REQUIRE(export_bank("anki-text", tricky_bank(), dir.path() / "deck.txt", 1700000000).exit_code == 0);
  std::string text = read_text(dir.path() / "deck.txt");
  const std::string header =
      "#separator:tab\n#html:true\n#notetype:qbank question\n#deck column:2\n#tags column:7\n#guid column:1\n";
  REQUIRE(text.rfind(header, 0) == 0);
  check_golden("tricky.anki.txt", text);

  std::size_t at = header.size();
  std::map<std::string, std::string> guid_by_id;
  int rows = 0;
  while (at < text.size()) {
    auto record = next_record(text, at);
    REQUIRE(record.size() == 7);
    ++rows;
    guid_by_id[record[5]] = record[0];
    CHECK(record[1].rfind("Tricky Deck::", 0) == 0);
    CHECK(record[3].find("<script") == std::string::npos);
    if (record[5] == "script-in-answer") CHECK(record[6] == "security html basic");
  }
  CHECK(rows == 6);

  // The GUIDs are the package's.
  REQUIRE(export_bank("anki", tricky_bank(), dir.path() / "deck.apkg", 1700000000).exit_code == 0);
  auto package = open_package(dir.path() / "deck.apkg", dir.path());
  for (const auto& row : package.query("SELECT flds, guid FROM notes")) {
    std::string id = row[0].substr(row[0].rfind('\x1f') + 1);
    CHECK(guid_by_id[id] == row[1]);
  }
}
