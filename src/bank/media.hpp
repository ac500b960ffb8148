// Local images in question Markdown (`![ROC](images/roc.png)`): which file a reference means
// and the name the file gets as Anki media. One answer for the lint rule (missing-image) and
// the .apkg exporter, so lint warns about exactly the images the package leaves out.
//
// A reference is relative to the YAML file that holds it, like a link in a Markdown file, and
// must stay inside the bank folder (the folder of the file, for loose files): a bank is
// untrusted, and `../../etc/passwd` must not travel in a package.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "bank/model.hpp"

namespace qbank::bank {

struct LocalImage {
  std::filesystem::path file;  // the image on disk (canonical) when found
  std::string media_name;      // flat and stable: its path in the bank with '/' -> '_'
  std::string problem;         // empty when the image can be packaged: "not found", "outside the bank folder", ...
};

// `url` as cmark gives it (percent-escapes are decoded here; query and fragment dropped).
LocalImage resolve_local_image(const Bank& bank, const Section& section, std::string_view url);

}  // namespace qbank::bank
