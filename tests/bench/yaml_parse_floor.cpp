// qbank-bench-yaml-floor: the floor for `qbank lint`'s speed — yaml-cpp parsing the same files
// and nothing else (no conversion, no schema, no rules), on N threads like the loader does.
//   qbank-bench-yaml-floor THREADS FILE...
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <yaml-cpp/yaml.h>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: qbank-bench-yaml-floor THREADS FILE...\n";
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
      YAML::Node root = YAML::Load(buffer.str());
      nodes += root.size();  // use the result so nothing is optimised away
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  std::cout << files.size() << " files parsed, " << nodes << " top-level keys\n";
  return 0;
}
