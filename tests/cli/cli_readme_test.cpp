// README.md shows `qbank --help` and every `qbank COMMAND --help` verbatim, each in a ```text
// block right after a marker line `<!-- qbank COMMAND --help -->`. This test compares each
// block with the binary's help, so the README and the CLI cannot drift: a new option only
// needs its command's block updated (QBANK_UPDATE_GOLDEN=1 rewrites the blocks), and a new
// command needs a marker and block in its section (the failure shows what to paste).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>

#include <catch2/catch.hpp>

#include "support/process.hpp"

using qbank::test::read_text;
using qbank::test::run_qbank;
using qbank::test::source_dir;

namespace {

struct Block {
  std::size_t begin = 0, end = 0;  // the block's text in the README
  std::string text;
};

const std::string k_fence_open = "```text\n", k_fence_close = "```\n";

// "" for `qbank --help`, else the command name; each README block by it.
std::map<std::string, Block> help_blocks(const std::string& readme) {
  std::map<std::string, Block> blocks;
  std::size_t at = 0;
  while ((at = readme.find("<!-- qbank ", at)) != std::string::npos) {
    std::size_t line_end = readme.find('\n', at);
    std::string marker = readme.substr(at, line_end - at);
    at = line_end;
    if (!marker.ends_with(" --help -->")) continue;
    std::string command = marker.substr(11, marker.size() - 11 - 11);
    if (command == "--help -->") command.clear();
    INFO("README marker: " << marker);
    REQUIRE(readme.compare(line_end + 1, k_fence_open.size(), k_fence_open) == 0);
    Block block;
    block.begin = line_end + 1 + k_fence_open.size();
    block.end = readme.find("\n" + k_fence_close, block.begin - 1) + 1;
    block.text = readme.substr(block.begin, block.end - block.begin);
    blocks[command] = block;
  }
  return blocks;
}

std::vector<std::string> words(const std::string& command) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < command.size();) {
    std::size_t end = command.find(' ', at);
    if (end == std::string::npos) end = command.size();
    out.push_back(command.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// The commands a help text lists in its "Subcommands:" table.
std::vector<std::string> listed_commands(const std::string& help) {
  std::vector<std::string> commands;
  std::size_t at = help.find("Subcommands:\n");
  if (at == std::string::npos) return commands;
  for (at = help.find('\n', at) + 1; at < help.size() && help.compare(at, 2, "  ") == 0; at = help.find('\n', at) + 1) {
    std::size_t start = help.find_first_not_of(' ', at);
    commands.push_back(help.substr(start, help.find(' ', start) - start));
  }
  return commands;
}

}  // namespace

TEST_CASE("README.md shows the --help of qbank and of every command exactly") {
  auto path = source_dir() / "README.md";
  std::string readme = read_text(path);
  auto blocks = help_blocks(readme);
  // qbank, its commands, and their own commands (`qbank import markdown`), if any.
  std::vector<std::string> commands = listed_commands(run_qbank({"--help"}).out);
  REQUIRE(commands.size() >= 5);
  for (std::size_t i = 0, n = commands.size(); i < n; ++i)
    for (const auto& sub : listed_commands(run_qbank({commands[i], "--help"}).out)) commands.push_back(commands[i] + " " + sub);
  commands.insert(commands.begin(), "");

  bool update = std::getenv("QBANK_UPDATE_GOLDEN") != nullptr;
  std::vector<std::pair<Block, std::string>> rewrites;
  for (const auto& command : commands) {
    std::vector<std::string> args = words(command);
    args.push_back("--help");
    auto result = run_qbank(args);
    REQUIRE(result.exit_code == 0);
    std::string name = command.empty() ? "qbank" : "qbank " + command;
    auto found = blocks.find(command);
    if (found == blocks.end()) {
      FAIL_CHECK("README.md has no block for `" << name << " --help`; add this to its section:\n<!-- " << name
                                                << " --help -->\n" << k_fence_open << result.out << k_fence_close);
      continue;
    }
    INFO("README.md's block for `" << name << " --help` (QBANK_UPDATE_GOLDEN=1 rewrites it)");
    CHECK(found->second.text == result.out);
    if (update && found->second.text != result.out) rewrites.emplace_back(found->second, result.out);
    blocks.erase(found);
  }
  for (const auto& [command, block] : blocks) FAIL_CHECK("README.md shows the help of `qbank " << command << "`, which is no command");

  if (!rewrites.empty()) {
    std::sort(rewrites.begin(), rewrites.end(), [](const auto& a, const auto& b) { return a.first.begin > b.first.begin; });
    for (const auto& [block, text] : rewrites) readme.replace(block.begin, block.end - block.begin, text);
    std::ofstream(path, std::ios::binary) << readme;
  }
}
