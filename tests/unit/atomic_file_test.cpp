#include <fstream>

#include <catch2/catch.hpp>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace qbank;
namespace fs = std::filesystem;

namespace {
std::size_t entries(const fs::path& dir) { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }
}  // namespace

TEST_CASE("an atomic write replaces the target and leaves no temp file") {
  test::TempDir dir;
  auto target = dir.write("out.txt", "old");
  write_file_atomically(target, "new content");
  CHECK(test::read_text(target) == "new content");
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("an abandoned atomic file leaves the old target untouched and no temp behind") {
  test::TempDir dir;
  auto target = dir.write("deck.apkg", "old deck");
  {
    AtomicFile file(target);
    std::ofstream(file.temp_path()) << "half a deck";
    // no commit(): as if the exporter threw
  }
  CHECK(test::read_text(target) == "old deck");
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("an unwritable folder is a tool error") {
  CHECK_THROWS_AS(write_file_atomically("/nonexistent-folder/x.txt", "x"), Error);
}
