// Re-import behaviour: Anki matches notes by GUID and updates one only when the incoming `mod`
// is newer. GUIDs must survive edits and re-exports; with --previous, only edited or new notes
// get the new export time, and the note type's mod stays while its templates are unchanged.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {
constexpr std::int64_t k_t1 = 1700000000;
constexpr std::int64_t k_t2 = 1700086400;

// id -> {guid, mod}
std::map<std::string, std::pair<std::string, std::string>> notes_by_id(const Package& package) {
  std::map<std::string, std::pair<std::string, std::string>> notes;
  for (const auto& row : package.query("SELECT flds, guid, mod FROM notes")) {
    std::string id = row[0].substr(row[0].rfind('\x1f') + 1);
    notes[id] = {row[1], row[2]};
  }
  return notes;
}

std::string model_mod(const Package& package) {
  auto models = nlohmann::json::parse(package.query("SELECT models FROM col")[0][0]);
  return std::to_string(models["1764069111000"]["mod"].get<std::int64_t>());
}

// A copy of the tricky bank whose files a test can edit.
std::filesystem::path copy_bank(const TempDir& dir) {
  auto bank = dir.path() / "bank";
  std::filesystem::copy(tricky_bank(), bank, std::filesystem::copy_options::recursive);
  return bank;
}

void replace_in_file(const std::filesystem::path& file, const std::string& from, const std::string& to) {
  std::string text = read_text(file);
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}
}  // namespace

TEST_CASE("anki: GUIDs are stable across exports, times and edits, and differ per question") {
  TempDir dir;
  auto bank = copy_bank(dir);
  REQUIRE(export_bank("anki", bank, dir.path() / "one.apkg", k_t1).exit_code == 0);
  REQUIRE(export_bank("anki", bank, dir.path() / "two.apkg", k_t2).exit_code == 0);
  replace_in_file(bank / "02-cells.yaml", "+1 is a formula too", "+1 is still a formula");
  REQUIRE(export_bank("anki", bank, dir.path() / "edited.apkg", k_t2).exit_code == 0);

  auto one = notes_by_id(open_package(dir.path() / "one.apkg", dir.path()));
  auto two = notes_by_id(open_package(dir.path() / "two.apkg", dir.path()));
  auto edited = notes_by_id(open_package(dir.path() / "edited.apkg", dir.path()));
  REQUIRE(one.size() == 6);
  std::set<std::string> guids;
  for (const auto& [id, note] : one) {
    CHECK(two[id].first == note.first);
    CHECK(edited[id].first == note.first);
    guids.insert(note.first);
  }
  CHECK(guids.size() == 6);
}

TEST_CASE("anki: with --previous only the edited and new notes get the new mod") {
  TempDir dir;
  auto bank = copy_bank(dir);
  REQUIRE(export_bank("anki", bank, dir.path() / "v1.apkg", k_t1).exit_code == 0);

  replace_in_file(bank / "02-cells.yaml", "+1 is a formula too", "+1 is still a formula");
  replace_in_file(bank / "01-markup.yaml", "tags: [math]", "tags: [math, softmax]");
  std::string added = read_text(bank / "02-cells.yaml") +
                      "  - id: brand-new\n    question: A question added later?\n    answer: Yes.\n    difficulty: basic\n";
  std::ofstream(bank / "02-cells.yaml", std::ios::binary | std::ios::trunc) << added;
  auto result = export_bank("anki", bank, dir.path() / "v2.apkg", k_t2, {"--previous", (dir.path() / "v1.apkg").string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);

  auto v2_package = open_package(dir.path() / "v2.apkg", dir.path());
  auto v2 = notes_by_id(v2_package);
  REQUIRE(v2.size() == 7);
  const std::set<std::string> changed{"formula-question", "math-passthrough", "brand-new"};
  for (const auto& [id, note] : v2) {
    INFO(id);
    CHECK(note.second == std::to_string(changed.count(id) ? k_t2 : k_t1));
  }
  // Cards follow their note's mod; the note type did not change, so it keeps v1's mod.
  CHECK(v2_package.query("SELECT count(*) FROM cards c JOIN notes n ON n.id = c.nid WHERE c.mod = n.mod")[0][0] == "7");
  CHECK(model_mod(v2_package) == std::to_string(k_t1));

  // Without --previous every note is stamped with the export time.
  REQUIRE(export_bank("anki", bank, dir.path() / "plain.apkg", k_t2).exit_code == 0);
  auto plain_package = open_package(dir.path() / "plain.apkg", dir.path());
  for (const auto& [id, note] : notes_by_id(plain_package)) CHECK(note.second == std::to_string(k_t2));
  CHECK(model_mod(plain_package) == std::to_string(k_t2));
}

TEST_CASE("anki: an unchanged bank exported with --previous reproduces the previous package's notes") {
  TempDir dir;
  REQUIRE(export_bank("anki", tricky_bank(), dir.path() / "v1.apkg", k_t1).exit_code == 0);
  auto args = std::vector<std::string>{"--previous", (dir.path() / "v1.apkg").string()};
  REQUIRE(export_bank("anki", tricky_bank(), dir.path() / "v2.apkg", k_t2, args).exit_code == 0);
  auto v1 = open_package(dir.path() / "v1.apkg", dir.path());
  auto v2 = open_package(dir.path() / "v2.apkg", dir.path());
  CHECK(v1.query("SELECT * FROM notes ORDER BY id") == v2.query("SELECT * FROM notes ORDER BY id"));
  CHECK(v1.query("SELECT * FROM cards ORDER BY id") == v2.query("SELECT * FROM cards ORDER BY id"));
}

TEST_CASE("anki: --previous that is not a package is a tool error (exit 2)") {
  TempDir dir;
  auto bogus = dir.write("old.apkg", "not a zip");
  auto result = export_bank("anki", tricky_bank(), dir.path() / "new.apkg", k_t1, {"--previous", bogus.string()});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("old.apkg") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "new.apkg"));
  auto missing = export_bank("anki", tricky_bank(), dir.path() / "new.apkg", k_t1, {"--previous", "no/such.apkg"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "qbank: error: --previous: 'no/such.apkg' does not exist\n");
}
