// libFuzzer harness: the whole `qbank lint` pipeline on a bank of a fixed bank.yaml and one
// section file holding the input (loader, every rule, the duplicate finder, severities, the
// diagnostics limit, sorting), rendered in every output format.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "lint/lint.hpp"
#include "output/render.hpp"

namespace {

std::filesystem::path bank_folder() {
  static const std::filesystem::path folder = [] {
    auto path = std::filesystem::temp_directory_path() / ("qbank-fuzz-lint-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    std::ofstream(path / "bank.yaml") << "title: Fuzz\ndeck: Fuzz\n";
    return path;
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto folder = bank_folder();
  {
    std::ofstream section(folder / "section.yaml", std::ios::binary | std::ios::trunc);
    section.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  qbank::config::Config config;
  qbank::lint::LintRun run = qbank::lint::run_lint({folder}, config);
  qbank::output::RenderContext context;
  context.rules = qbank::lint::rule_infos();
  context.summary = run.summary;
  for (auto format : {qbank::output::Format::text, qbank::output::Format::json, qbank::output::Format::github,
                      qbank::output::Format::sarif})
    qbank::output::render(format, run.diagnostics, context);
  return 0;
}
