#include "exporters/anki/notes.hpp"

#include <algorithm>
#include <unordered_set>

#include "exporters/anki/html.hpp"
#include "exporters/anki/ids.hpp"

namespace qbank::exporters::anki {

namespace {
// "::" separates deck levels in Anki, so a section name must not invent levels of its own.
std::string deck_component(std::string name) {
  for (std::size_t at; (at = name.find("::")) != std::string::npos;) name.replace(at, 2, ": ");
  return name.empty() ? "Untitled" : name;
}
}  // namespace

AnkiDeck build_notes(const bank::Bank& bank) {
  AnkiDeck deck;
  deck.bank_deck = bank.deck_name();
  deck.notes.reserve(bank.question_count());
  std::unordered_set<std::string> guids;
  for (const auto& section : bank.sections) {
    std::string section_deck = deck.bank_deck + "::" + deck_component(section.name);
    deck.section_decks.push_back(section_deck);
    for (const auto& question : section.questions) {
      AnkiNote note;
      note.guid = note_guid(deck.bank_deck, question.id);
      // A repeated id (only with --force past the duplicate-id error) would repeat a GUID,
      // which a package cannot hold: the first question with the id wins.
      if (!guids.insert(note.guid).second) continue;
      note.deck = section_deck;
      note.fields = {markdown_to_html(question.question), markdown_to_html(question.answer), resources_html(question.resources),
                     escape_html(question.id)};
      for (const auto& tag : question.tags) {
        std::string clean = anki_tag(tag);
        if (!clean.empty() && std::find(note.tags.begin(), note.tags.end(), clean) == note.tags.end()) note.tags.push_back(clean);
      }
      std::string difficulty = anki_tag(question.difficulty);
      if (!difficulty.empty() && std::find(note.tags.begin(), note.tags.end(), difficulty) == note.tags.end())
        note.tags.push_back(difficulty);
      deck.notes.push_back(std::move(note));
    }
  }
  return deck;
}

std::string joined_fields(const AnkiNote& note) {
  std::string out;
  for (std::size_t i = 0; i < note.fields.size(); ++i) {
    if (i) out += '\x1f';
    out += note.fields[i];
  }
  return out;
}

std::string joined_tags(const AnkiNote& note) {
  if (note.tags.empty()) return "";
  std::string out = " ";
  for (const auto& tag : note.tags) out += tag + " ";
  return out;
}

}  // namespace qbank::exporters::anki
