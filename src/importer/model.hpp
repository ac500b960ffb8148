// What the Markdown importer recognises in a document, before ids are given and YAML is
// written: sections of questions, bank-level resources, and notes on what did not fit. Each
// part keeps the document line it came from, so lint findings on the written bank can point
// back at the Markdown.
#pragma once

#include <string>
#include <vector>

namespace qbank::importer {

// A place in the Markdown document: the file as given on the command line, 1-based line.
struct DocLine {
  std::string file;
  int line = 0;
};

struct ImportedResource {
  std::string url;
  std::string title;
  std::string description;  // Markdown
  std::string kind;         // from a group label such as "GitHub Repositories:", else empty
  DocLine source;
};

struct ImportedQuestion {
  std::string id;        // given by the document (qbank's own export) or made from the text
  std::string question;  // Markdown
  std::string answer;    // Markdown, labels such as "Answer:" dropped
  std::string difficulty;
  std::vector<std::string> tags;
  std::vector<ImportedResource> resources;
  std::string shape;  // which recognised shape it matched, in words
  DocLine source;     // the question's line
  DocLine answer_source;  // where its answer starts (== source when it has none)
};

struct ImportedSection {
  std::string name;
  std::string difficulty;  // from a marker in the heading; questions inherit it
  DocLine source;          // the heading, or the first question of an implicit section
  std::vector<ImportedQuestion> questions;
};

// Something the importer reports about the document: text it could not place (and where it
// kept it), repeats it merged, labels it dropped. Never silent.
struct Note {
  DocLine source;
  std::string message;
};

// A part of the document and the shape it matched (title, description, a resource list, a
// table of contents...), for the import report.
struct Part {
  DocLine source;
  std::string what;
};

struct ImportedBank {
  std::string title;
  std::string description;
  DocLine title_source, description_source;
  std::vector<ImportedResource> resources;
  std::vector<ImportedSection> sections;
  std::vector<Part> parts;
  std::vector<Note> notes;

  std::size_t question_count() const;
};

}  // namespace qbank::importer
