// Runs the built qbank binary (or any program) for CLI tests: arguments, optional stdin,
// extra environment; captures exit code, stdout and stderr. No shell is involved.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace qbank::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {},
                          const std::map<std::string, std::string>& extra_env = {});

// run_process({QBANK_BINARY, args...}) with the working directory left as is (the source tree),
// and GITHUB_ACTIONS and FORCE_COLOR unset unless extra_env sets them.
ProcessResult run_qbank(const std::vector<std::string>& args, const std::string& input = {},
                        const std::map<std::string, std::string>& extra_env = {});

// The source tree (fixtures, schemas, questions/).
std::filesystem::path source_dir();
std::string read_text(const std::filesystem::path& path);

}  // namespace qbank::test
