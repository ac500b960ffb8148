// qbank-bench-export-only FORMAT BANK OUT: loads BANK (no lint rules), then times the exporter
// alone, so tests/bench/bench_export.sh can show how much of `qbank export` is the export
// itself and how much the lint pass every export runs first. Prints "<load s> <export s>".
#include <chrono>
#include <cstdio>
#include <exception>

#include "bank/loader.hpp"
#include "exporters/exporter.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: qbank-bench-export-only FORMAT BANK OUT\n");
    return 2;
  }
  try {
    using clock = std::chrono::steady_clock;
    const auto* exporter = qbank::exporters::find_exporter(argv[1]);
    if (!exporter) throw std::runtime_error("unknown format");
    auto start = clock::now();
    qbank::bank::LoadOptions load;
    load.validate_schema = false;
    auto loaded = qbank::bank::load_bank(argv[2], load);
    auto loaded_at = clock::now();
    qbank::exporters::ExportOptions options;
    options.timestamp = 1700000000;
    exporter->write(loaded.bank, options, argv[3]);
    auto done = clock::now();
    std::printf("%.2f %.2f\n", std::chrono::duration<double>(loaded_at - start).count(),
                std::chrono::duration<double>(done - loaded_at).count());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "qbank-bench-export-only: %s\n", error.what());
    return 2;
  }
}
