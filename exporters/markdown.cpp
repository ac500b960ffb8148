// `qbank export markdown`: the bank as one readable document: title, description, a table of
// contents, one `##` per section and one `###` per question whose text is the question
// itself, with an `<a id="<question id>">` anchor before it, so links to #<id> are stable
// across edits of the wording. All author text goes through cmark-gfm's syntax tree
// (markdown_render.hpp): raw HTML and script links cannot get into the document, and a heading
// inside an answer is moved below the question's level. Written to pass markdownlint's
// default rules, with `<a>` allowed for those anchors (MD033); a document with a heading that
// ends in . , ; : ! says `<!-- markdownlint-disable MD026 -->` (questions stay verbatim).
#include <fmt/format.h>

#include "core/text.hpp"
#include "exporters/exporter.hpp"
#include "exporters/markdown_render.hpp"
#include "exporters/markdown_text.hpp"
#include "exporters/text_file.hpp"

namespace qbank::exporters {

namespace {
using markdown::escape_text;
using markdown::render;

std::string title_of(const bank::Bank& bank) { return bank.info.title.empty() ? bank.deck_name() : bank.info.title; }

// A URL inside `<…>`: what would end it or break the line is percent-encoded.
std::string bracketed_url(std::string_view url) {
  std::string out = "<";
  for (char c : url) {
    if (c == '<' || c == '>' || c == ' ' || static_cast<unsigned char>(c) < 0x20)
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out + ">";
}

std::string resource_line(const bank::Resource& resource) {
  std::string label = escape_text(resource.title.empty() ? resource.url : resource.title);
  std::string line = markdown::safe_url(resource.url) ? fmt::format("- [{}]({})", label, bracketed_url(resource.url))
                                                      : "- " + label;
  if (!text::trim(resource.description).empty()) line += ": " + escape_text(resource.description);
  return render(line);
}

std::string resources_block(const std::vector<bank::Resource>& resources) {
  std::string out;
  for (const auto& resource : resources) out += resource_line(resource) + "\n";
  return out;
}

std::string question_count(std::size_t n) { return fmt::format("{} question{}", n, n == 1 ? "" : "s"); }

// Whether markdownlint's MD026 (no trailing punctuation in headings) flags a heading line: it
// looks at the heading's source text, so an escaped "\." counts, "*X.*" does not.
bool md026_punctuation(std::string_view heading) {
  heading = text::trim(heading);
  for (std::string_view mark : {".", ",", ";", ":", "!", "。", "，", "；", "：", "！"})
    if (heading.ends_with(mark)) return true;
  return false;
}

// The headings of a rendered block (lines starting with '#', outside code fences): the anchors
// GitHub gives them, handed out in document order so later duplicates get their -1, -2; and
// `punctuated` set when one of them ends in MD026 punctuation.
void scan_headings(std::string_view block, markdown::Anchors& anchors, bool& punctuated) {
  std::string_view fence;
  for (std::size_t at = 0; at < block.size();) {
    std::size_t end = std::min(block.find('\n', at), block.size());
    std::string_view line = block.substr(at, end - at);
    at = end + 1;
    std::string_view trimmed = text::trim(line);
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
      if (fence.empty()) fence = trimmed.substr(0, 3);
      else if (trimmed.substr(0, 3) == fence) fence = {};
      continue;
    }
    if (!fence.empty() || !line.starts_with('#')) continue;
    std::string_view heading = line.substr(std::min(line.find_first_not_of('#'), line.size()));
    anchors.add(heading);
    punctuated = punctuated || md026_punctuation(heading);
  }
}

std::string question_block(const bank::Question& question, markdown::Anchors& anchors, bool& punctuated) {
  // The question's first paragraph is its heading; the rest of it (code, a list) follows.
  markdown::RenderOptions as_heading;
  as_heading.first_paragraph_heading = 3;
  std::string text = render(question.question, as_heading);
  if (!text.starts_with("### ")) text = "### " + escape_text(question.id) + (text.empty() ? "" : "\n\n" + text);
  std::string out = fmt::format("<a id=\"{}\"></a>\n\n", markdown::slug(question.id));
  std::string answer = render(question.answer);
  scan_headings(text, anchors, punctuated);
  scan_headings(answer, anchors, punctuated);
  out += text + "\n\n**Answer:**\n\n" + answer + "\n\n";
  std::string meta;
  if (!question.difficulty.empty()) meta += "Difficulty: " + escape_text(question.difficulty) + ".";
  if (!question.tags.empty()) {
    meta += meta.empty() ? "Tags:" : " Tags:";
    for (std::size_t i = 0; i < question.tags.size(); ++i) {
      const std::string& tag = question.tags[i];
      // A code span shows its text as it is; a tag that could end one is escaped text instead.
      bool plain = tag.find_first_of("`\n") != std::string::npos || tag.empty();
      meta += (i ? ", " : " ") + (plain ? escape_text(tag) : "`" + tag + "`");
    }
    meta += ".";
  }
  if (!meta.empty()) out += render(meta) + "\n\n";
  if (!question.resources.empty()) out += "Resources:\n\n" + resources_block(question.resources) + "\n";
  return out;
}
}  // namespace

ExportReport write_markdown(const bank::Bank& bank, const ExportOptions&, const std::filesystem::path& tmp_path) {
  markdown::Anchors anchors;
  std::string out = "# " + escape_text(title_of(bank)) + "\n\n";
  bool punctuated = md026_punctuation(out);  // a heading ends in . , ; : ! (markdownlint MD026)
  anchors.add(title_of(bank));
  if (!text::trim(bank.info.description).empty()) {
    std::string description = render(bank.info.description);
    scan_headings(description, anchors, punctuated);
    out += description + "\n\n";
  }
  out += "## Contents\n\n";
  anchors.add("Contents");

  // Anchors are handed out in document order, so the sections' are known before the TOC is
  // written only if the whole body is laid out first.
  std::string body;
  std::vector<std::string> section_anchors;
  for (const auto& section : bank.sections) {
    section_anchors.push_back(anchors.add(section.name));
    std::string heading = "## " + escape_text(section.name) + "\n\n";
    punctuated = punctuated || md026_punctuation(heading);
    body += heading;
    for (const auto& question : section.questions) body += question_block(question, anchors, punctuated);
  }
  // A question is its heading, word for word, so that `qbank import` reads back the same bank:
  // rather than drop a final "." or ":" from it to please MD026, the document turns that rule
  // off, only when a heading needs it. First, so that it covers the title too (MD041, "the
  // first line is a heading", skips a leading comment).
  if (punctuated) out.insert(0, "<!-- markdownlint-disable MD026 -->\n\n");
  for (std::size_t i = 0; i < bank.sections.size(); ++i) {
    const auto& section = bank.sections[i];
    out += render(fmt::format("- [{}](#{}) ({})", escape_text(section.name), section_anchors[i],
                              question_count(section.questions.size()))) +
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
  return {bank.question_count(), "questions", bank.sections.size(), "sections", std::nullopt, {}};
}

}  // namespace qbank::exporters
