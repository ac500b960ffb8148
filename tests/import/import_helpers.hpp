// Shared by the import tests: run `qbank import markdown`, read a written bank folder back as
// one text, compare with golden files (QBANK_UPDATE_GOLDEN=1 rewrites them).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace qbank::test {

std::filesystem::path import_fixture(const std::string& name);  // tests/import/fixtures/<name>

// qbank import markdown DOCS... -o OUT [extra...]
ProcessResult import_markdown(const std::vector<std::string>& documents, const std::filesystem::path& out,
                              const std::vector<std::string>& extra = {});

// Every file of a bank folder, sorted, each after a "==> name <==" line.
std::string bank_text(const std::filesystem::path& folder);

// `text` with every occurrence of `path` replaced by "BANK" (temp folders differ per run).
std::string with_bank_placeholder(std::string text, const std::filesystem::path& path);

// Compares with tests/import/golden/<name>.
void check_import_golden(const std::string& name, const std::string& actual);

}  // namespace qbank::test
