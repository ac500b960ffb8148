// qbank-bench-yaml-floor: the floor for `qbank lint`'s speed — yaml-cpp parsing the same files
// and nothing else (no conversion, no schema, no rules), on N threads like the loader does.
//   qbank-bench-yaml-floor [--events] THREADS FILE...
// Without --events each file is loaded as a YAML::Node tree (YAML::Load: the floor the targets
// are set against). With --events yaml-cpp only scans and parses, delivering events to a
// handler that ignores them: no tool built on yaml-cpp can read the files faster than that.
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace {

struct IgnoringHandler : YAML::EventHandler {
  std::size_t scalars = 0;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++scalars; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

int main(int argc, char** argv) {
  bool events = argc > 1 && std::string(argv[1]) == "--events";
  if (events) {
    --argc;
    ++argv;
  }
  if (argc < 3) {
    std::cerr << "usage: qbank-bench-yaml-floor [--events] THREADS FILE...\n";
    return 2;
  }
  unsigned threads = static_cast<unsigned>(std::max(1, std::atoi(argv[1])));
  std::vector<std::string> files(argv + 2, argv + argc);
  std::atomic<std::size_t> next{0}, nodes{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      std::ifstream in(files[i], std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      if (events) {
        IgnoringHandler handler;
        YAML::Parser parser(buffer);
        while (parser.HandleNextDocument(handler)) {
        }
        nodes += handler.scalars;  // use the result so nothing is optimised away
      } else {
        YAML::Node root = YAML::Load(buffer.str());
        nodes += root.size();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  std::cout << files.size() << " files parsed, " << nodes << (events ? " scalars\n" : " top-level keys\n");
  return 0;
}
