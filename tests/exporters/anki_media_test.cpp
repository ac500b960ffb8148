// Local images in the .apkg, as genanki packages them: numbered zip entries listed in the
// `media` map, card HTML pointing at the media name; nothing outside the bank travels.
#include <zip.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {

std::string entry(const std::filesystem::path& apkg, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(apkg.c_str(), ZIP_RDONLY, &error);
  REQUIRE(archive);
  zip_stat_t stat;
  REQUIRE(zip_stat(archive, name.c_str(), 0, &stat) == 0);
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  REQUIRE(file);
  std::string content(stat.size, '\0');
  CHECK(zip_fread(file, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
  zip_fclose(file);
  zip_discard(archive);
  return content;
}

}  // namespace

TEST_CASE("anki: local images are packaged as media and cards point at them") {
  TempDir dir;
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pretend image bytes";
  dir.write("bank/bank.yaml", "title: T\ndeck: D\n");
  dir.write("bank/images/roc.png", png);
  dir.write("secret.txt", "not for the package\n");
  dir.write("bank/01.yaml",
            "section: S\nquestions:\n"
            "  - id: roc\n    question: What does ![ROC](images/roc.png) show?\n    answer: Rates.\n"
            "  - id: leak\n    question: What is ![x](../secret.txt)?\n    answer: \"![gone](images/none.png)\"\n");
  auto out = dir.path() / "deck.apkg";
  auto result = export_bank("anki", dir.path() / "bank", out, 1700000000, {"--force"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  Package package = open_package(out, dir.path());
  CHECK(package.entries == std::vector<std::string>{"collection.anki2", "media", "0"});
  CHECK(nlohmann::json::parse(package.media) == nlohmann::json{{"0", "images_roc.png"}});
  CHECK(entry(out, "0") == png);
  auto rows = package.query("SELECT flds FROM notes ORDER BY sfld");
  REQUIRE(rows.size() == 2);
  std::string all = rows[0][0] + rows[1][0];
  CHECK(all.find("<img src=\"images_roc.png\" alt=\"ROC\" />") != std::string::npos);
  CHECK(all.find("secret") != std::string::npos);  // left as written: not packaged, lint warns
  CHECK(all.find("not for the package") == std::string::npos);
}
