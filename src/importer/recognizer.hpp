// Internal to the importer: the recogniser's state, shared by its .cpp files
// (recognize.cpp: headings; recognize_paragraph.cpp: paragraphs; recognize_blocks.cpp: lists,
// HTML, other blocks; resources.cpp: link lists).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <cmark-gfm.h>

#include "importer/markdown_source.hpp"
#include "importer/model.hpp"

namespace qbank::importer {

// The headings of a document (or of a part of one) and whether each reads as a question.
struct HeadingScan {
  struct Heading {
    cmark_node* node;
    int level;
    bool question_like;
  };
  struct Level {
    int questions = 0, total = 0;
  };
  std::vector<Heading> headings;  // level-1, resource and contents headings left out
  std::map<int, Level> levels;
};

// The deepest heading level where most headings read as questions (0: none): every heading
// of that level is a question.
int question_level(const std::map<int, HeadingScan::Level>& levels);

class Recognizer {
 public:
  explicit Recognizer(ImportedBank& bank) : m_bank(bank) {}
  // A whole document: its headings scanned, then its blocks recognised and freed one by one.
  void run(const MarkdownSource& doc);
  // Only reads `doc`; safe on another thread.
  static HeadingScan scan_headings(const MarkdownSource& doc);
  // Recognises the blocks of one part (parts in document order, with the document's question
  // level); frees each block once done if `free_blocks`.
  void walk(const MarkdownSource& part, const HeadingScan& scan, int question_level, bool free_blocks);

 private:
  enum class Mode { normal, resources, contents };

  // recognize.cpp (headings, state) and recognize_paragraph.cpp
  void heading(cmark_node* node);
  void paragraph(cmark_node* node);
  void start_section(std::string name, std::string difficulty, int line);
  ImportedQuestion& start_question(std::string text, std::string shape, int line);
  void append_answer(const std::string& markdown, int line);
  void keep_unplaced(const std::string& markdown, int line, const std::string& why);
  bool metadata(cmark_node* node);

  // recognize_blocks.cpp
  void list(cmark_node* node);
  void question_list(cmark_node* node);
  void answer_blocks(cmark_node* first);  // first and its following siblings
  void html(cmark_node* node);
  bool anchor(cmark_node* node);  // an `<a id>` before a question: its id, kept for the next one
  void unused_anchor();
  void other_block(cmark_node* node);
  bool list_is_questions(cmark_node* node) const;

  // resources.cpp
  void resource_list(cmark_node* list);
  void resources_in(cmark_node* block, int line);
  void add_resource(ImportedResource resource);

  DocLine at(int line) const { return {m_doc->file(), line}; }
  void note(int line, std::string message) { m_bank.notes.push_back({at(line), std::move(message)}); }
  void part(int line, std::string what) { m_bank.parts.push_back({at(line), std::move(what)}); }
  ImportedQuestion* question();

  const MarkdownSource* m_doc = nullptr;  // the part being walked
  ImportedBank& m_bank;
  Mode m_mode = Mode::normal;
  bool m_resources_for_question = false;
  bool m_resources_one_list = false;  // a "Resources:" label: only the list right after it
  std::string m_resource_kind;
  bool m_open = false;                // the last question takes the blocks that follow
  bool m_question_text_open = false;  // qbank export shape: the text before "**Answer:**"
  bool m_outside_item = false;        // the open question is a list item whose list ended
  bool m_details_open = false;
  bool m_repeated_title = false;
  int m_section_level = 0;
  int m_title_line = 0;
  std::string m_anchor_id;  // from an anchor just before: the next question's id
  int m_anchor_line = 0;
  std::map<cmark_node*, bool> m_question_heading;  // heading -> recognised as a question
};

}  // namespace qbank::importer
