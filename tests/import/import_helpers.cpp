#include "import_helpers.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>

namespace qbank::test {

std::filesystem::path import_fixture(const std::string& name) { return source_dir() / "tests/import/fixtures" / name; }

ProcessResult import_markdown(const std::vector<std::string>& documents, const std::filesystem::path& out,
                              const std::vector<std::string>& extra) {
  std::vector<std::string> args{"import", "markdown"};
  args.insert(args.end(), documents.begin(), documents.end());
  args.insert(args.end(), {"-o", out.string()});
  args.insert(args.end(), extra.begin(), extra.end());
  return run_qbank(args);
}

std::string bank_text(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string out;
  for (const auto& file : files) out += "==> " + file.filename().string() + " <==\n" + read_text(file);
  return out;
}

std::string with_bank_placeholder(std::string text, const std::filesystem::path& path) {
  std::string needle = path.string();
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at)) text.replace(at, needle.size(), "BANK");
  return text;
}

void check_import_golden(const std::string& name, const std::string& actual) {
  auto path = source_dir() / "tests/import/golden" / name;
  const char* update = std::getenv("QBANK_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path.string());
    return;
  }
  REQUIRE(std::filesystem::exists(path));
  std::string expected = read_text(path);
  INFO("golden file " << path.string() << " (QBANK_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == expected);
}

}  // namespace qbank::test
