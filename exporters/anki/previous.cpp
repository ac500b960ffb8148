#include "exporters/anki/previous.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "exporters/anki/note_type.hpp"
#include "exporters/anki/sqlite.hpp"
#include "exporters/anki/zip.hpp"

namespace qbank::exporters::anki {

PreviousPackage read_previous(const std::filesystem::path& package, const std::filesystem::path& scratch) {
  if (!std::filesystem::is_regular_file(package)) throw Error(fmt::format("--previous: '{}' does not exist", package.string()));
  std::filesystem::path collection = scratch / "previous.anki2";
  extract_zip_entry(package, "collection.anki2", collection);

  PreviousPackage previous;
  Database db(collection, true);
  {
    Statement models(db, "SELECT models FROM col");
    if (!models.step()) throw Error(fmt::format("--previous: '{}' has no collection row", package.string()));
    auto json = nlohmann::json::parse(models.column_text(0), nullptr, false);
    if (json.is_discarded() || !json.is_object())
      throw Error(fmt::format("--previous: '{}' has unreadable note types", package.string()));
    auto model = json.find(std::to_string(k_model_id));
    if (model != json.end() && same_templates(*model) && model->contains("mod") && (*model)["mod"].is_number_integer())
      previous.model_mod = (*model)["mod"].get<std::int64_t>();
  }
  Statement notes(db, "SELECT guid, flds, tags, mod FROM notes WHERE mid = ?");
  notes.bind(1, k_model_id);
  while (notes.step()) {
    previous.notes.insert_or_assign(notes.column_text(0),
                                    PreviousNote{notes.column_text(1), notes.column_text(2), notes.column_int(3)});
  }
  return previous;
}

}  // namespace qbank::exporters::anki
