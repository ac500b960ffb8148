// `qbank export anki-text`: Anki's text import file (File > Import) for people who prefer it
// to a package. The header lines tell Anki the separator, that fields are HTML, the note type
// (qbank's own, the one the .apkg creates: a GUID match under another note type would be a
// conflict) and which columns hold the GUID, deck and tags. Notes are built exactly as for the
// .apkg, so the two formats share GUIDs and round-trip.
#include <fmt/format.h>

#include "exporters/anki/note_type.hpp"
#include "exporters/anki/notes.hpp"
#include "exporters/exporter.hpp"
#include "exporters/text_file.hpp"

namespace qbank::exporters {

namespace {
// Every field is quoted: GUIDs may start with '#' (which Anki would read as a comment line)
// and HTML may hold tabs, newlines and quotes.
std::string quote_field(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
}  // namespace

ExportReport write_anki_text(const bank::Bank& bank, const ExportOptions&, const std::filesystem::path& tmp_path) {
  anki::AnkiDeck deck = anki::build_notes(bank);
  TextFile file(tmp_path);
  // Columns: 1 GUID, 2 deck, 3.. the note type's fields in order, last the tags.
  const std::size_t tags_column = 3 + anki::k_field_names.size();
  file.write("#separator:tab\n#html:true\n");
  file.write(fmt::format("#notetype:{}\n#deck column:2\n#tags column:{}\n#guid column:1\n", anki::k_note_type_name, tags_column));
  std::string text;
  for (const auto& note : deck.notes) {
    text.clear();
    text += quote_field(note.guid);
    text += '\t';
    text += quote_field(note.deck);
    for (const auto& field : note.fields) {
      text += '\t';
      text += quote_field(field);
    }
    std::string tags;
    for (const auto& tag : note.tags) tags += (tags.empty() ? "" : " ") + tag;
    text += '\t';
    text += quote_field(tags);
    text += '\n';
    file.write(text);
  }
  file.close();
  return {deck.notes.size(), "notes", deck.section_decks.size(), "decks", std::nullopt, deck.left_out};
}

}  // namespace qbank::exporters
