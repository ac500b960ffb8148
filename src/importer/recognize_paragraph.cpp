// Paragraphs: bold-line and Q:/A: questions, "Answer:" and "Resources:" labels, qbank
// export's metadata line, the description, and text that fits nowhere.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/classify.hpp"
#include "importer/markdown_label.hpp"
#include "importer/recognizer.hpp"

namespace qbank::importer {

// qbank export's line "Difficulty: basic. Tags: `a`, `b`." (either part may be missing).
bool Recognizer::metadata(cmark_node* node) {
  ImportedQuestion* q = question();
  std::string plain(text::trim(plain_text(node)));
  std::string difficulty;
  std::vector<std::string> tags;
  std::string_view rest = plain;
  if (rest.starts_with("Difficulty: ")) {
    rest.remove_prefix(12);
    auto dot = rest.find('.');
    if (dot == std::string_view::npos) return false;
    difficulty = std::string(rest.substr(0, dot));
    if (difficulty != "basic" && difficulty != "intermediate" && difficulty != "advanced" && difficulty != "unrated") return false;
    rest = text::trim(rest.substr(dot + 1));
  }
  if (rest.starts_with("Tags: ") && rest.ends_with(".")) {
    std::string_view list = rest.substr(6, rest.size() - 7);
    for (std::size_t at = 0; at <= list.size();) {
      auto comma = list.find(',', at);
      if (comma == std::string_view::npos) comma = list.size();
      std::string tag(text::trim(list.substr(at, comma - at)));
      if (!is_kebab(tag)) return false;
      tags.push_back(tag);
      at = comma + 1;
    }
    rest = {};
  }
  if (!rest.empty() || (difficulty.empty() && tags.empty())) return false;
  q->difficulty = difficulty == "unrated" ? "" : difficulty;
  q->tags = std::move(tags);
  return true;
}

void Recognizer::paragraph(cmark_node* node) {
  int line = m_doc->start_line(node);
  std::string src = m_doc->block(node);
  std::string plain(text::trim(plain_text(node)));
  ImportedQuestion* q = question();

  if (m_details_open && q) {
    auto close = src.find("</details>");
    append_answer(close == std::string::npos ? src : src.substr(0, close), line);
    if (close != std::string::npos) m_details_open = m_open = false;
    return;
  }
  if (q && m_question_text_open) {
    std::string rest = src;
    if (strip_answer_label(rest)) {
      m_question_text_open = false;
      if (!rest.empty()) append_answer(rest, line);
    } else {
      q->question += (q->question.empty() ? "" : "\n\n") + tidy(src);
    }
    return;
  }
  if (m_mode == Mode::contents) {
    note(line, "text in the table of contents: not imported");
    return;
  }
  if (m_mode == Mode::resources) {
    if (plain.ends_with(":") && cmark_node_first_child(node) == cmark_node_last_child(node)) {
      m_resource_kind = kind_of_group(plain);  // a group label such as "**GitHub Repositories:**"
      part(line, fmt::format("resource group '{}'{}", plain, m_resource_kind.empty() ? "" : " (kind " + m_resource_kind + ")"));
      return;
    }
    resources_in(node, line);
    return;
  }
  if (m_repeated_title && !q) {
    if (tidy(src) == m_bank.description) {
      note(line, fmt::format("repeats the description ({}:{}): not kept twice", m_bank.description_source.file,
                             m_bank.description_source.line));
      return;
    }
  }
  std::string rest = src;
  if (strip_question_label(rest)) {
    // "Q: ..." with its "A: ..." possibly on a following line of the same paragraph.
    std::string question_text = rest, answer;
    for (std::size_t at = rest.find('\n'); at != std::string::npos; at = rest.find('\n', at + 1)) {
      std::string tail = rest.substr(at + 1);
      if (strip_answer_label(tail)) {
        question_text = rest.substr(0, at);
        answer = tail;
        break;
      }
    }
    start_question(question_text, "Q:/A: pair", line);
    if (!answer.empty()) append_answer(answer, line + static_cast<int>(std::count(question_text.begin(), question_text.end(), '\n')) + 1);
    return;
  }
  if (q && metadata(node)) return;
  if (is_resources_title(plain) && plain.ends_with(":") && cmark_node_first_child(node) == cmark_node_last_child(node)) {
    m_mode = Mode::resources;
    m_resources_for_question = q != nullptr;
    m_resources_one_list = q != nullptr;
    m_resource_kind.clear();
    part(line, fmt::format("resource list '{}' -> {}", plain, q ? "the question's resources" : "bank.yaml resources"));
    return;
  }
  std::string inside, after;
  if (split_leading_bold(src, inside, after) && !inside.ends_with(":")) {
    auto line_end = after.find('\n');
    std::string first_rest = after.substr(0, line_end == std::string::npos ? after.size() : line_end);
    std::string marker_check = inside + " " + first_rest;
    std::string without = marker_check;
    take_difficulty_marker(without);
    bool alone = text::trim(first_rest).empty() || text::trim(without) == text::trim(inside);
    if (alone && (!q || looks_like_question(inside) || q->shape == "bold line")) {
      std::string question_text = inside;
      take_question_prefix(question_text);
      strip_question_label(question_text);
      start_question(question_text + " " + std::string(text::trim(first_rest)), "bold line", line);
      if (line_end != std::string::npos) append_answer(after.substr(line_end + 1), line + 1);
      return;
    }
  }
  if (q) {
    append_answer(src, line);
    return;
  }
  if (m_bank.sections.empty() && !m_bank.title.empty() && !m_repeated_title) {
    if (m_bank.description.empty()) {
      m_bank.description_source = at(line);
      part(line, "description: the text after the title");
    }
    m_bank.description += (m_bank.description.empty() ? "" : "\n\n") + tidy(src);
    return;
  }
  keep_unplaced(src, line, m_bank.sections.empty() ? "text before the first section" : "text that is not under a question");
}

}  // namespace qbank::importer
