// Headings: the title, sections, question headings, resource and contents headings; and the
// state changes every part goes through (sections, questions, answers, unplaced text).
#include "importer/recognize.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/classify.hpp"
#include "importer/markdown_label.hpp"
#include "importer/recognizer.hpp"

namespace qbank::importer {

namespace {

// The heading's text as Markdown: ATX '#' marks (and closing ones) or the setext underline removed.
std::string heading_markdown(const MarkdownSource& doc, cmark_node* node) {
  std::string src = doc.block(node);
  std::string_view view = text::trim(src);
  if (view.starts_with("#")) {
    while (!view.empty() && view.front() == '#') view.remove_prefix(1);
    view = text::trim(view);
    std::string_view closing = view;
    while (!closing.empty() && closing.back() == '#') closing.remove_suffix(1);
    if (closing.size() < view.size() && (closing.empty() || closing.back() == ' ')) view = text::trim(closing);
    return std::string(view);
  }
  auto last = view.rfind('\n');
  return tidy(last == std::string_view::npos ? view : view.substr(0, last));
}

bool is_answer_label_block(const MarkdownSource& doc, cmark_node* node) {
  if (cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH) return false;
  std::string src = doc.block(node);
  return strip_answer_label(src);
}

}  // namespace

ImportedQuestion* Recognizer::question() {
  if (!m_open || m_bank.sections.empty() || m_bank.sections.back().questions.empty()) return nullptr;
  return &m_bank.sections.back().questions.back();
}

void Recognizer::run(const MarkdownSource& doc) {
  HeadingScan scan = scan_headings(doc);
  walk(doc, scan, question_level(scan.levels), true);
}

void Recognizer::walk(const MarkdownSource& part, const HeadingScan& scan, int question_level, bool free_blocks) {
  m_doc = &part;
  // Question headings are decided for the whole document: a heading that reads as a question
  // (or is followed by an "Answer:" label) is one, and so is every heading of the question level.
  m_question_heading.clear();
  for (const auto& heading : scan.headings)
    m_question_heading[heading.node] = heading.question_like || (heading.level == question_level && question_level > 0);
  for (cmark_node* node = cmark_node_first_child(part.root()); node;) {
    if (!anchor(node)) {
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING: heading(node); break;
        case CMARK_NODE_PARAGRAPH: paragraph(node); break;
        case CMARK_NODE_LIST: list(node); break;
        case CMARK_NODE_HTML_BLOCK: html(node); break;
        case CMARK_NODE_THEMATIC_BREAK: break;  // a rule between parts; no text to keep
        default: other_block(node); break;
      }
      unused_anchor();  // the block after an anchor did not start a question
    }
    cmark_node* done = node;
    node = cmark_node_next(node);
    m_question_heading.erase(done);
    // Nothing looks back at a block once it is done, and the syntax tree takes ~10 bytes per
    // byte of Markdown: freeing it as the bank grows keeps the peak at the tree's size. (A
    // part of a document is freed whole, on the thread that parsed it.)
    if (free_blocks) cmark_node_free(done);
  }
  m_doc = nullptr;
}

// Which headings read as questions: "### 12. What is X?", "### Explain dropout.", or one
// followed by an "Answer:" label. Looks only at the part's own blocks (a part ends before a
// heading, where the look-ahead stops anyway), so parts can be scanned apart.
HeadingScan Recognizer::scan_headings(const MarkdownSource& doc) {
  HeadingScan scan;
  for (cmark_node* node = cmark_node_first_child(doc.root()); node; node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
    // An "Answer:" label among the next few blocks, before anything that starts a question of
    // its own (a list, a bold line, "Q:"): qbank export's "### id", text, "**Answer:**".
    bool labelled = false;
    cmark_node* next = cmark_node_next(node);
    for (int k = 0; k < 3 && next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH; ++k, next = cmark_node_next(next)) {
      if (is_answer_label_block(doc, next)) {
        labelled = true;
        break;
      }
      std::string src = doc.block(next);
      if (src.starts_with("**") || src.starts_with("__") || strip_question_label(src)) break;
    }
    int level = cmark_node_get_heading_level(node);
    std::string plain = plain_text(node);
    if (level == 1 || is_resources_title(plain) || is_contents_title(plain)) continue;
    std::string copy = plain;
    bool question_like = looks_like_question(plain) || take_question_prefix(copy) || labelled;
    scan.levels[level].total++;
    scan.levels[level].questions += question_like;
    scan.headings.push_back({node, level, question_like});
  }
  return scan;
}

// The deepest heading level where most headings read as questions (0: none).
int question_level(const std::map<int, HeadingScan::Level>& levels) {
  int question_level = 0;
  for (const auto& [level, counts] : levels)
    if (counts.questions > 0 && counts.questions * 2 >= counts.total) question_level = level;
  return question_level;
}

void Recognizer::heading(cmark_node* node) {
  int level = cmark_node_get_heading_level(node);
  int line = m_doc->start_line(node);
  std::string plain = plain_text(node);
  std::string markdown = heading_markdown(*m_doc, node);
  if (m_details_open && question()) {  // a heading inside a <details> answer
    append_answer(m_doc->block(node), line);
    return;
  }
  bool was_question_open = m_open;
  m_open = m_question_text_open = m_outside_item = false;
  m_mode = Mode::normal;
  m_resources_one_list = false;
  m_repeated_title = false;
  m_resource_kind.clear();

  if (level == 1 && m_bank.title.empty() && m_bank.sections.empty()) {
    m_bank.title = strip_decoration(plain);
    m_bank.title_source = at(line);
    m_title_line = line;
    part(line, "title: the level-1 heading");
    return;
  }
  if (level == 1 && strip_decoration(plain) == m_bank.title) {
    part(line, fmt::format("the title again (as at {}:{}): the document repeats itself from here",
                           m_bank.title_source.file, m_bank.title_source.line));
    m_repeated_title = true;
    return;
  }
  if (is_contents_title(plain)) {
    m_mode = Mode::contents;
    part(line, "table of contents: links within the document, not imported");
    return;
  }
  if (is_resources_title(plain)) {
    m_mode = Mode::resources;
    m_resources_for_question = was_question_open && level > m_section_level && m_section_level > 0;
    m_open = m_resources_for_question;
    m_resource_kind = kind_of_group(plain);
    part(line, fmt::format("resource list '{}' -> {}", strip_decoration(plain),
                           m_resources_for_question ? "the question's resources" : "bank.yaml resources"));
    return;
  }
  auto found = m_question_heading.find(node);
  if (found != m_question_heading.end() && found->second) {
    std::string id = strip_decoration(markdown);
    // qbank's own Markdown export: "### <id>", the question's text, then "**Answer:**".
    cmark_node* next = cmark_node_next(node);
    bool export_shape = is_kebab(id) && next && !is_answer_label_block(*m_doc, next) &&
                        cmark_node_get_type(next) != CMARK_NODE_HEADING && !looks_like_question(id);
    if (export_shape) {
      for (cmark_node* n = next; n && cmark_node_get_type(n) != CMARK_NODE_HEADING; n = cmark_node_next(n))
        if (is_answer_label_block(*m_doc, n)) {
          auto& q = start_question("", "heading with its id, text and **Answer:** (qbank export)", line);
          q.id = id;
          m_question_text_open = true;
          return;
        }
    }
    std::string text = markdown;
    take_question_prefix(text);
    strip_question_label(text);
    start_question(text, "heading", line);
    return;
  }
  std::string name = markdown;
  std::string difficulty = take_difficulty_marker(name);
  name = strip_decoration(name);
  if (difficulty.empty()) difficulty = heading_word_difficulty(name);
  m_section_level = level;
  start_section(name.empty() ? plain : name, difficulty, line);
}

void Recognizer::start_section(std::string name, std::string difficulty, int line) {
  ImportedSection section;
  section.name = std::move(name);
  section.difficulty = std::move(difficulty);
  section.source = at(line);
  m_bank.sections.push_back(std::move(section));
}

ImportedQuestion& Recognizer::start_question(std::string text, std::string shape, int line) {
  if (m_bank.sections.empty()) {
    std::string name = m_bank.title.empty() ? "Questions" : m_bank.title;
    note(line, fmt::format("questions before any section heading: they go into a section named '{}'", name));
    start_section(name, "", line);
  }
  auto& section = m_bank.sections.back();
  ImportedQuestion q;
  text = tidy(text);
  q.difficulty = take_difficulty_marker(text);
  if (q.difficulty.empty()) q.difficulty = section.difficulty;
  q.question = std::move(text);
  q.shape = std::move(shape);
  q.source = q.answer_source = at(line);
  q.id = std::exchange(m_anchor_id, {});  // the anchor just before it names it (qbank export)
  section.questions.push_back(std::move(q));
  m_open = true;
  m_outside_item = false;
  m_question_text_open = false;
  m_mode = Mode::normal;
  return section.questions.back();
}

void Recognizer::append_answer(const std::string& markdown, int line) {
  ImportedQuestion* q = question();
  std::string text = tidy(markdown);
  if (q->answer.empty()) strip_answer_label(text);
  if (text.empty()) return;
  if (m_outside_item) {
    note(line, fmt::format("text after the list item at line {}, not indented under it: kept as its answer", q->source.line));
    m_outside_item = false;
  }
  if (q->answer.empty()) q->answer_source = at(line);
  q->answer += (q->answer.empty() ? "" : "\n\n") + text;
}

void Recognizer::keep_unplaced(const std::string& markdown, int line, const std::string& why) {
  std::string text = tidy(markdown);
  if (text.empty()) return;
  note(line, why + ": kept in bank.yaml's description");
  if (m_bank.description.empty()) m_bank.description_source = at(line);
  m_bank.description += (m_bank.description.empty() ? "" : "\n\n") + text;
}

}  // namespace qbank::importer
