// qbank-bench-export-only FORMAT BANK OUT: loads BANK (no lint rules), then times the exporter
// alone, so tests/bench/bench_export.sh can show how much of `qbank export` is the export
// itself and how much the lint pass every export runs first. Prints "<load s> <export s>",
// and on stderr the writer's CPU time (user and system, all threads): on a shared machine the
// CPU time moves less than the wall time.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <utility>

#include "bank/loader.hpp"
#include "exporters/exporter.hpp"

namespace {
// User and system CPU seconds of the whole process so far.
std::pair<double, double> cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return {seconds(usage.ru_utime), seconds(usage.ru_stime)};
}
}  // namespace

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
    auto cpu_before = cpu_seconds();
    qbank::exporters::ExportOptions options;
    options.timestamp = 1700000000;
    exporter->write(loaded.bank, options, argv[3]);
    auto done = clock::now();
    auto cpu_after = cpu_seconds();
    std::fprintf(stderr, "writer cpu: %.2f s user, %.2f s sys\n", cpu_after.first - cpu_before.first,
                 cpu_after.second - cpu_before.second);
    std::printf("%.2f %.2f\n", std::chrono::duration<double>(loaded_at - start).count(),
                std::chrono::duration<double>(done - loaded_at).count());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "qbank-bench-export-only: %s\n", error.what());
    return 2;
  }
}
