#include "lint/fix.hpp"

#include <filesystem>
#include <set>
#include <string>

#include "core/atomic_file.hpp"
#include "rules/citation_scan.hpp"

namespace qbank::lint {

FixReport apply_fixes(const std::vector<Diagnostic>& diagnostics) {
  std::set<std::string> files;
  for (const auto& d : diagnostics)
    if (d.rule == "citation-artifact") files.insert(d.where.file);
  FixReport report;
  for (const auto& file : files) {
    // Temp files a killed --fix left beside this file go now, whether or not it needs a fix.
    std::filesystem::path folder = std::filesystem::path(file).parent_path();
    remove_stale_temp_files(folder.empty() ? std::filesystem::path(".") : folder);
    std::string content = read_file(file);
    std::size_t removed = rules::remove_citation_artifacts(content);
    if (removed == 0) continue;
    write_file_atomically(file, content);
    ++report.files;
    report.fixes += removed;
  }
  return report;
}

}  // namespace qbank::lint
