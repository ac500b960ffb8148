// The in-memory question bank: what the loader builds and every later stage reads (rules,
// duplicate finder, link checker, exporters). Plain values with source locations; no YAML.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace qbank::bank {

struct Resource {
  std::string url;
  std::string title;        // empty for a bare URL string
  std::string description;  // Markdown, optional
  std::string kind;         // repository | article | book | course | video | other, optional
  SourceLocation where;     // the URL's scalar
};

// A `# qbank: disable=rule-a,rule-b` comment: those rules are silent for the question it
// belongs to (see source_notes.hpp for which one that is).
struct Suppression {
  std::string rule;
  SourceLocation where;
};

// A plain scalar that a ` #` cut short: YAML reads the rest of the line as a comment.
struct CutText {
  std::string field;      // "question" or "answer"
  std::string comment;    // "# mean in Python?"
  std::string corrected;  // the line with the whole text quoted
  SourceLocation where;   // the '#'
};

struct Question {
  std::string id;
  std::string question;  // Markdown
  std::string answer;    // Markdown
  std::string difficulty;
  std::vector<std::string> tags;
  std::vector<Resource> resources;
  std::vector<std::string> distinct_from;
  SourceLocation where;        // the question's mapping
  SourceLocation id_at;        // each field's value; equal to `where` when the field is absent
  SourceLocation question_at;
  SourceLocation answer_at;
  bool has_question = false;   // the field is there with a string value (possibly blank)
  bool has_answer = false;
  int first_line = 0;          // first line that belongs to it: its own, or a comment line just above
  int last_line = 0;           // last line the question's mapping spans
  std::vector<Suppression> suppressions;
  std::vector<CutText> cut_texts;
  std::size_t section_index = 0;  // index into Bank::sections
};

struct Section {
  std::string file;  // as given on the command line or found in the folder
  std::string name;  // the `section:` value
  SourceLocation where;
  std::vector<Question> questions;
};

// bank.yaml
struct BankInfo {
  std::string file;  // empty when the bank has no bank.yaml
  std::string title;
  std::string deck;
  std::string description;
  std::vector<Resource> resources;
};

struct Bank {
  std::filesystem::path root;  // the bank folder; empty for a set of loose files
  BankInfo info;
  std::vector<Section> sections;  // in sorted file order

  std::size_t question_count() const;
  // The deck name for exports: bank.yaml's deck, else its title, else the folder name.
  std::string deck_name() const;
};

}  // namespace qbank::bank
