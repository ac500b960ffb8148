// `qbank export markdown`: the bank as one readable document: title, description, a table of
// contents, one `##` per section and one `###` per question whose text is the question id, so
// its anchor (#<id>) is stable across edits of the wording. Written to pass markdownlint's
// default rules (see markdown_text.hpp for what that takes).
#include <fmt/format.h>

#include "core/text.hpp"
#include "exporters/exporter.hpp"
#include "exporters/markdown_text.hpp"
#include "exporters/text_file.hpp"

namespace qbank::exporters {

namespace {
using markdown::reflow;

std::string title_of(const bank::Bank& bank) { return bank.info.title.empty() ? bank.deck_name() : bank.info.title; }

std::string resource_line(const bank::Resource& resource) {
  std::string label = resource.title.empty() ? resource.url : resource.title;
  // Brackets in a title would end the link text early.
  for (char& c : label)
    if (c == '[' || c == ']') c = c == '[' ? '(' : ')';
  std::string line = fmt::format("- [{}](<{}>)", label, resource.url);
  if (!resource.description.empty()) line += ": " + std::string(text::trim(resource.description));
  return reflow(line);
}

std::string resources_block(const std::vector<bank::Resource>& resources) {
  std::string out;
  for (const auto& resource : resources) out += resource_line(resource) + "\n";
  return out;
}

std::string question_count(std::size_t n) { return fmt::format("{} question{}", n, n == 1 ? "" : "s"); }
}  // namespace

void write_markdown(const bank::Bank& bank, const ExportOptions&, const std::filesystem::path& tmp_path) {
  markdown::Anchors anchors;
  std::string out = "# " + title_of(bank) + "\n\n";
  anchors.add(title_of(bank));
  if (!text::trim(bank.info.description).empty()) out += reflow(bank.info.description) + "\n\n";
  out += "## Contents\n\n";
  anchors.add("Contents");

  // Anchors are handed out in document order, so the sections' are known before the TOC is
  // written only if the whole body is laid out first.
  std::string body;
  std::vector<std::string> section_anchors;
  for (const auto& section : bank.sections) {
    section_anchors.push_back(anchors.add(section.name));
    body += "## " + section.name + "\n\n";
    for (const auto& question : section.questions) {
      anchors.add(question.id);
      body += "### " + question.id + "\n\n";
      body += reflow(question.question) + "\n\n";
      body += "**Answer:**\n\n" + reflow(question.answer) + "\n\n";
      std::string meta = "Difficulty: " + (question.difficulty.empty() ? std::string("unrated") : question.difficulty) + ".";
      if (!question.tags.empty()) {
        meta += " Tags:";
        for (std::size_t i = 0; i < question.tags.size(); ++i) meta += (i ? ", `" : " `") + question.tags[i] + "`";
        meta += ".";
      }
      body += reflow(meta) + "\n\n";
      if (!question.resources.empty()) body += "Resources:\n\n" + resources_block(question.resources) + "\n";
    }
  }
  for (std::size_t i = 0; i < bank.sections.size(); ++i) {
    const auto& section = bank.sections[i];
    out += reflow(fmt::format("- [{}](#{}) ({})", section.name, section_anchors[i], question_count(section.questions.size()))) +
           "\n";
  }
  out += "\n";
  std::string further;
  if (!bank.info.resources.empty()) {
    anchors.add("Further reading");
    further = "## Further reading\n\n" + resources_block(bank.info.resources) + "\n";
  }
  // The document ends with one newline: the last part loses the blank line after it.
  std::string& last = !further.empty() ? further : !body.empty() ? body : out;
  while (last.ends_with("\n\n")) last.pop_back();

  TextFile file(tmp_path);
  file.write(out);
  file.write(body);
  file.write(further);
  file.close();
}

}  // namespace qbank::exporters
