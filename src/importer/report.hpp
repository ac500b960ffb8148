// What `qbank import` prints: the parts of each document and the shape each matched, the
// notes on text placed by judgement, then the lint findings on the new bank, each with a
// "source: DOC.md:LINE" line (text) or a "source" object (json).
#pragma once

#include <string>

#include "importer/import.hpp"

namespace qbank::importer {

std::string render_report_text(const ImportResult& result, const ImportOptions& options);
std::string render_report_json(const ImportResult& result, const ImportOptions& options);

}  // namespace qbank::importer
