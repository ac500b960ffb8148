// The last published package (--previous OLD.apkg): what its notes held and when they last
// changed, so an unchanged note keeps its `mod` and Anki's re-import updates only the notes
// that really changed (Anki updates a note only when the incoming `mod` is newer).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

namespace qbank::exporters::anki {

struct PreviousNote {
  std::string fields;  // the `flds` column
  std::string tags;    // the `tags` column
  std::int64_t mod = 0;
};

struct PreviousPackage {
  std::unordered_map<std::string, PreviousNote> notes;  // by GUID
  // The model's `mod` if its templates and CSS equal the current ones.
  std::optional<std::int64_t> model_mod;
};

// Throws Error when the file is missing or not a package qbank wrote.
PreviousPackage read_previous(const std::filesystem::path& package, const std::filesystem::path& scratch);

}  // namespace qbank::exporters::anki
