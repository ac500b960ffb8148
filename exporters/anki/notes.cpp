#include "exporters/anki/notes.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "exporters/anki/html.hpp"
#include "exporters/anki/ids.hpp"
#include "exporters/anki/media.hpp"
#include "exporters/anki/ordered_work.hpp"

namespace qbank::exporters::anki {

namespace {
// "::" separates deck levels in Anki, so a section name must not invent levels of its own.
std::string deck_component(std::string name) {
  for (std::size_t at; (at = name.find("::")) != std::string::npos;) name.replace(at, 2, ": ");
  return name.empty() ? "Untitled" : name;
}
}  // namespace

void fill_note(AnkiNote& note, const bank::Question& question, const MediaSet* media) {
  ImageSource images = [&](std::string_view url) { return media->name_for(question, url); };
  const ImageSource* image_src = media && !media->empty() ? &images : nullptr;
  note.fields = {markdown_to_html(question.question, image_src), markdown_to_html(question.answer, image_src),
                 resources_html(question.resources), escape_html(question.id)};
  for (const auto& tag : question.tags) {
    std::string clean = anki_tag(tag);
    if (!clean.empty() && std::find(note.tags.begin(), note.tags.end(), clean) == note.tags.end()) note.tags.push_back(clean);
  }
  std::string difficulty = anki_tag(question.difficulty);
  if (!difficulty.empty() && std::find(note.tags.begin(), note.tags.end(), difficulty) == note.tags.end())
    note.tags.push_back(difficulty);
}

PlannedNotes plan_notes(const bank::Bank& bank) {
  PlannedNotes planned;
  AnkiDeck& deck = planned.deck;
  deck.bank_deck = bank.deck_name();
  std::vector<const bank::Question*> questions;
  std::vector<std::size_t> section_of;
  questions.reserve(bank.question_count());
  section_of.reserve(bank.question_count());
  for (const auto& section : bank.sections) {
    deck.section_decks.push_back(deck.bank_deck + "::" + deck_component(section.name));
    for (const auto& question : section.questions) {
      questions.push_back(&question);
      section_of.push_back(deck.section_decks.size() - 1);
    }
  }
  // A SHA-1 per GUID: computed on every core.
  std::vector<std::string> guids(questions.size());
  parallel_for(questions.size(), [&](std::size_t i) { guids[i] = note_guid(deck.bank_deck, questions[i]->id); });

  deck.notes.reserve(questions.size());
  planned.sources.reserve(questions.size());
  std::unordered_set<std::string_view> seen;
  seen.reserve(questions.size());
  for (std::size_t i = 0; i < questions.size(); ++i) {
    // A repeated id (only with --force past the duplicate-id error) would repeat a GUID,
    // which a package cannot hold: the first question with the id wins.
    if (!seen.insert(guids[i]).second) continue;
    AnkiNote& note = deck.notes.emplace_back();
    note.guid = guids[i];
    note.deck = deck.section_decks[section_of[i]];
    planned.sources.push_back(questions[i]);
  }
  return planned;
}

AnkiDeck build_notes(const bank::Bank& bank) {
  PlannedNotes planned = plan_notes(bank);
  AnkiDeck& deck = planned.deck;
  const auto& sources = planned.sources;
  // Rendering is most of the work and each note is independent: split it across the cores.
  parallel_for(deck.notes.size(), [&](std::size_t i) { fill_note(deck.notes[i], *sources[i]); });
  return std::move(planned.deck);
}

std::string joined_fields(const AnkiNote& note) {
  std::string out;
  std::size_t size = note.fields.size();
  for (const auto& field : note.fields) size += field.size();
  out.reserve(size);
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
