// Local images as Anki media, as genanki packages them: each image a question's Markdown
// references (`![ROC](images/roc.png)`) that exists inside the bank folder is stored in the
// .apkg as a numbered zip entry listed in the `media` map, and the card's <img src> names it
// by its flat media name. What is missing or outside the bank is left out (lint's
// missing-image says so); resolution is bank/media.hpp's, shared with that rule.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bank/model.hpp"

namespace qbank::exporters::anki {

class MediaSet {
 public:
  static MediaSet collect(const bank::Bank& bank);

  // The media name for an image URL written in `question`'s Markdown, if it is packaged.
  std::optional<std::string> name_for(const bank::Question& question, std::string_view url) const;
  bool empty() const { return m_files.empty(); }

  // The files' bytes, read now (throws Error if one cannot be read), and the `media` map
  // ({"0": "roc.png", ...}) for the zip: entry i is named std::to_string(i).
  std::vector<std::string> read_contents() const;
  std::string media_json() const;

 private:
  std::map<std::pair<std::size_t, std::string>, std::string, std::less<>> m_names;  // (section, url) -> media name
  std::vector<std::pair<std::string, std::filesystem::path>> m_files;             // media name, file; sorted by name
};

}  // namespace qbank::exporters::anki
