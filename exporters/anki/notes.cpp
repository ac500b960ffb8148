#include "exporters/anki/notes.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "core/untrusted_text.hpp"
#include "exporters/anki/html.hpp"
#include "exporters/anki/ids.hpp"
#include "exporters/anki/media.hpp"
#include "exporters/anki/ordered_work.hpp"

namespace qbank::exporters::anki {

namespace {
// "::" separates deck levels in Anki, so a section name must not invent levels of its own.
std::string deck_component(std::string name) {
  name = untrusted::strip_control_characters(name);
  for (std::size_t at; (at = name.find("::")) != std::string::npos;) name.replace(at, 2, ": ");
  return name.empty() ? "Untitled" : name;
}
}  // namespace

void fill_note(AnkiNote& note, const bank::Question& question, const MediaSet* media) {
  // Control characters go first (0x1F would split a field in two); Anki's own syntax in the
  // author's text is made inert, since Anki interprets it in card HTML ([sound:] plays a file).
  using untrusted::neutralise_anki_syntax, untrusted::strip_control_characters;
  ImageSource images = [&](std::string_view url) { return media->name_for(question, url); };
  const ImageSource* image_src = media && !media->empty() ? &images : nullptr;
  auto render = [&](const std::string& markdown) {
    if (!untrusted::find_control_character(markdown)) return neutralise_anki_syntax(markdown_to_html(markdown, image_src));
    return neutralise_anki_syntax(markdown_to_html(strip_control_characters(markdown), image_src));
  };
  note.fields = {render(question.question), render(question.answer),
                 neutralise_anki_syntax(strip_control_characters(resources_html(question.resources))),
                 neutralise_anki_syntax(escape_html(strip_control_characters(question.id)))};
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
    if (!seen.insert(guids[i]).second) {
      const auto& where = questions[i]->where;
      deck.left_out.push_back(fmt::format("question '{}' at {}:{}: its id is used before; only the first question with it is exported",
                                          questions[i]->id, where.file, where.line));
      continue;
    }
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
