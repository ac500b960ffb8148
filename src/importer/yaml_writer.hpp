// The imported bank as qbank's v1 YAML: bank.yaml and one section file per section, numbered
// for order ("01-basic-machine-learning.yaml"). Each file remembers which of its lines came
// from which line of the Markdown, so lint findings can be traced back.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "importer/model.hpp"

namespace qbank::importer {

struct WrittenFile {
  std::string name;  // file name inside the bank folder
  std::string text;
  std::vector<std::pair<int, DocLine>> sources;  // (YAML line, Markdown line), YAML lines ascending
  // The Markdown line a YAML line came from (the nearest mapped line at or above it).
  const DocLine* source_of(int yaml_line) const;
};

// A YAML scalar for `value` after "key: ": plain when that is safe, a literal block (its
// lines indented by `indent` spaces, more than the key's) for multi-line text, double-quoted
// otherwise. May span lines.
std::string yaml_scalar(std::string_view value, int indent);

std::vector<WrittenFile> render_bank(const ImportedBank& bank, const std::string& title, const std::string& deck);

}  // namespace qbank::importer
