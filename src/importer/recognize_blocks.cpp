// Lists (of questions, of answer points, of links), <details> blocks, and the other blocks an
// answer is made of (code, tables, quotes).
#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/classify.hpp"
#include "importer/markdown_label.hpp"
#include "importer/recognizer.hpp"

namespace qbank::importer {

namespace {

bool is_ordered(cmark_node* list) { return cmark_node_get_list_type(list) == CMARK_ORDERED_LIST; }

// The item's first block when it is a paragraph whose text reads as a question (bold, a '?',
// a "Q:" label).
bool item_is_question_like(cmark_node* item) {
  cmark_node* lead = cmark_node_first_child(item);
  if (!lead || cmark_node_get_type(lead) != CMARK_NODE_PARAGRAPH) return false;
  cmark_node* first = cmark_node_first_child(lead);
  if (first && cmark_node_get_type(first) == CMARK_NODE_STRONG) {
    std::string bold = plain_text(first);
    if (!text::trim(bold).ends_with(":")) return true;
  }
  std::string plain = plain_text(lead);
  std::string first_line = plain;
  if (cmark_node* child = cmark_node_first_child(lead)) first_line = plain_text(child);
  return looks_like_question(plain) || looks_like_question(first_line);
}

// The item is a link (with perhaps a description): a resource, not a question.
bool item_is_link(cmark_node* item) {
  cmark_node* lead = cmark_node_first_child(item);
  if (!lead || cmark_node_get_type(lead) != CMARK_NODE_PARAGRAPH) return false;
  cmark_node* first = cmark_node_first_child(lead);
  if (first && cmark_node_get_type(first) == CMARK_NODE_STRONG) first = cmark_node_first_child(first);
  return first && cmark_node_get_type(first) == CMARK_NODE_LINK;
}

bool is_html_comment(std::string_view html) {
  html = text::trim(html);
  return html.starts_with("<!--") && html.ends_with("-->");
}

std::string strip_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  return std::string(text::trim(out));
}

}  // namespace

bool Recognizer::list_is_questions(cmark_node* node) const {
  int items = 0, question_like = 0, with_answers = 0;
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
    ++items;
    question_like += item_is_question_like(item);
    with_answers += cmark_node_first_child(item) != cmark_node_last_child(item);
  }
  bool most_read_as_questions = question_like * 2 > items;
  auto* self = const_cast<Recognizer*>(this);
  if (const ImportedQuestion* q = self->question())
    return most_read_as_questions && q->shape != "heading" && !m_question_text_open;
  // Under a heading, before any question: a list whose items read as questions, have answers
  // nested under them, or are numbered in a section ("1. Explain dropout.").
  return most_read_as_questions || with_answers * 2 > items || (is_ordered(node) && !m_bank.sections.empty());
}

void Recognizer::list(cmark_node* node) {
  int line = m_doc->start_line(node);
  if (m_details_open && question()) {
    append_answer(m_doc->block(node), line);
    return;
  }
  if (m_mode == Mode::contents) return;  // already reported with its heading
  if (m_mode == Mode::resources) {
    resource_list(node);
    m_resource_kind.clear();  // a group label ("**Books:**") names the list right after it
    if (m_resources_one_list) m_mode = Mode::normal, m_resources_one_list = false;
    return;
  }
  if (question() && m_question_text_open) {
    question()->question += "\n\n" + m_doc->block(node);
    return;
  }
  bool all_links = true;
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) all_links = all_links && item_is_link(item);
  if (all_links && !question()) {
    part(line, "a list of links outside a question -> bank.yaml resources");
    resource_list(node);
    return;
  }
  if (list_is_questions(node)) {
    question_list(node);
    return;
  }
  if (question()) {
    append_answer(m_doc->block(node), line);
    return;
  }
  keep_unplaced(m_doc->block(node), line, "a list that is not under a question and does not read as questions");
}

void Recognizer::question_list(cmark_node* node) {
  std::string shape = is_ordered(node) ? "numbered list item" : "bulleted list item";
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
    cmark_node* lead = cmark_node_first_child(item);
    int line = m_doc->start_line(item);
    if (!lead) {
      note(line, "an empty list item: skipped");
      continue;
    }
    if (cmark_node_get_type(lead) != CMARK_NODE_PARAGRAPH) {
      note(line, "a list item that does not start with text: its content became the question");
      start_question(m_doc->blocks(lead, cmark_node_last_child(item)), shape, line);
      continue;
    }
    std::string src = m_doc->block(lead);
    std::string text = src, answer, inside, after, item_shape = shape;
    if (split_leading_bold(src, inside, after)) {
      auto line_end = after.find('\n');
      std::string first_rest(text::trim(after.substr(0, line_end == std::string::npos ? after.size() : line_end)));
      std::string check = first_rest;
      take_difficulty_marker(check);
      if (check.empty()) {
        text = inside + " " + first_rest;
        if (line_end != std::string::npos) answer = after.substr(line_end + 1);
        item_shape += " with bold text";
      }
    } else if (auto line_end = src.find('\n'); line_end != std::string::npos && looks_like_question(src.substr(0, line_end))) {
      text = src.substr(0, line_end);  // "What is X?" and the answer on the item's next lines
      answer = src.substr(line_end + 1);
    }
    take_question_prefix(text);
    std::string label_free = text;
    if (strip_question_label(label_free)) text = label_free;
    start_question(text, item_shape, line);
    if (!text::trim(answer).empty()) append_answer(answer, line + 1);
    if (cmark_node_next(lead)) answer_blocks(cmark_node_next(lead));
  }
  m_outside_item = true;
}

// The blocks of a list item after its question: the answer, with "Answer:" labels dropped and a
// "Resources:" label making the list after it the question's resources.
void Recognizer::answer_blocks(cmark_node* first) {
  for (cmark_node* block = first; block; block = cmark_node_next(block)) {
    int line = m_doc->start_line(block);
    if (cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH) {
      std::string plain(text::trim(plain_text(block)));
      if (is_resources_title(plain) && plain.ends_with(":") && cmark_node_next(block) &&
          cmark_node_get_type(cmark_node_next(block)) == CMARK_NODE_LIST) {
        m_resources_for_question = true;
        m_resource_kind.clear();
        block = cmark_node_next(block);
        resource_list(block);
        continue;
      }
    }
    append_answer(m_doc->block(block), line);
  }
}

void Recognizer::html(cmark_node* node) {
  int line = m_doc->start_line(node);
  std::string src = m_doc->block(node);
  std::string lower = lower_ascii(src);
  auto details = lower.find("<details");
  if (details != std::string::npos) {
    auto summary = lower.find("<summary", details);
    auto summary_open_end = summary == std::string::npos ? summary : lower.find('>', summary);
    auto summary_close = lower.find("</summary>", details);
    std::string question_text;
    std::size_t body = details;
    if (summary_open_end != std::string::npos && summary_close != std::string::npos && summary_close > summary_open_end) {
      question_text = strip_tags(src.substr(summary_open_end + 1, summary_close - summary_open_end - 1));
      body = summary_close + 10;
    } else {
      // No <summary>: the block's first line of text is the question, the rest its answer.
      std::string rest = strip_tags(src.substr(details));
      auto end = rest.find('\n');
      question_text = rest.substr(0, end);
      body = src.size();
      if (end != std::string::npos) rest = rest.substr(end + 1);
      else rest.clear();
      note(line, "a <details> block without a <summary>: its first line became the question");
      start_question(question_text, "<details> block", line);
      if (!rest.empty()) append_answer(rest, line + 1);
      m_details_open = lower.find("</details>") == std::string::npos;
      if (!m_details_open) m_open = false;
      return;
    }
    take_question_prefix(question_text);
    strip_question_label(question_text);
    start_question(question_text, "<details> block", line);
    std::string rest = src.substr(body);
    auto close = lower_ascii(rest).find("</details>");
    std::string answer = close == std::string::npos ? rest : rest.substr(0, close);
    // "<br>" and similar spacing tags often sit between the summary and the answer.
    if (!strip_tags(answer).empty()) append_answer(answer, line);
    m_details_open = close == std::string::npos;
    if (!m_details_open) m_open = false;
    return;
  }
  if (m_details_open && question()) {
    auto close = lower.find("</details>");
    std::string before = close == std::string::npos ? src : src.substr(0, close);
    if (!strip_tags(before).empty()) append_answer(before, line);
    if (close != std::string::npos) m_details_open = m_open = false;
    return;
  }
  if (is_markdownlint_directive(src)) {
    part(line, "a markdownlint directive: not imported");
    return;
  }
  if (is_html_comment(src)) {
    note(line, "an HTML comment: not imported");
    return;
  }
  other_block(node);
}

bool Recognizer::anchor(cmark_node* node) {
  // Only a paragraph of inline HTML or an HTML block can be one; the source is read only then.
  cmark_node_type type = cmark_node_get_type(node);
  cmark_node* first = cmark_node_first_child(node);
  bool may_be = type == CMARK_NODE_HTML_BLOCK ||
                (type == CMARK_NODE_PARAGRAPH && first && cmark_node_get_type(first) == CMARK_NODE_HTML_INLINE);
  if (!may_be || m_details_open) return false;
  std::optional<std::string> id = anchor_id(m_doc->block(node));
  if (!id) return false;
  // An anchor is a mark for links, not text: it never goes into the answer before it.
  unused_anchor();
  int line = m_doc->start_line(node);
  if (!is_kebab(*id)) {
    note(line, fmt::format("the anchor '{}' is not a kebab-case id: not imported", *id));
    return true;
  }
  m_anchor_id = std::move(*id);
  m_anchor_line = line;
  return true;
}

void Recognizer::unused_anchor() {
  if (m_anchor_id.empty()) return;
  note(m_anchor_line, fmt::format("the anchor '{}' is not before a question: not imported", m_anchor_id));
  m_anchor_id.clear();
}

void Recognizer::other_block(cmark_node* node) {
  int line = m_doc->start_line(node);
  ImportedQuestion* q = question();
  if (q && m_question_text_open) {
    q->question += "\n\n" + m_doc->block(node);
    return;
  }
  if (q && m_mode == Mode::normal) {
    append_answer(m_doc->block(node), line);
    return;
  }
  keep_unplaced(m_doc->block(node), line, fmt::format("a {} that is not under a question", cmark_node_get_type_string(node)));
}

}  // namespace qbank::importer
