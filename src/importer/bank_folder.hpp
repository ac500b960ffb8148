// Writes the bank folder all at once: the files go into a temp folder beside the target, which
// is then renamed into place (exchanged with the old folder under --force), so a failed import
// leaves nothing half-written and an interrupted one leaves at most a hidden temp folder.
#pragma once

#include <filesystem>
#include <vector>

#include "importer/yaml_writer.hpp"

namespace qbank::importer {

// Throws Error when `target` exists (and `force` is not set), is not a folder, or cannot be
// written.
void write_bank_folder(const std::filesystem::path& target, const std::vector<WrittenFile>& files, bool force);

}  // namespace qbank::importer
