// libFuzzer harness: the Markdown export. The input is split at the first NUL into a question
// and an answer; the pieces also go through the helpers directly (reflow, heading anchors).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

#include "bank/model.hpp"
#include "exporters/exporter.hpp"
#include "exporters/markdown_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t split = input.find('\0');
  std::string_view question = input.substr(0, split);
  std::string_view answer = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);

  qbank::exporters::markdown::reflow(question);
  qbank::exporters::markdown::reflow(answer);
  qbank::exporters::markdown::Anchors anchors;
  anchors.add(question);
  anchors.add(question);

  qbank::bank::Bank bank;
  bank.info.title = std::string(question);
  bank.info.deck = "Fuzz";
  auto& section = bank.sections.emplace_back();
  section.name = std::string(question.substr(0, 80));
  auto& q = section.questions.emplace_back();
  q.id = "fuzz";
  q.question = std::string(question);
  q.answer = std::string(answer);
  static const auto path = std::filesystem::temp_directory_path() / ("qbank-fuzz-export-" + std::to_string(::getpid()) + ".md");
  qbank::exporters::ExportOptions options;
  qbank::exporters::write_markdown(bank, options, path);
  return 0;
}
