#include "importer/yaml_writer.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <string_view>

#include <fmt/format.h>

#include "importer/ids.hpp"

namespace qbank::importer {

const DocLine* WrittenFile::source_of(int yaml_line) const {
  auto it = std::upper_bound(sources.begin(), sources.end(), yaml_line, [](int line, const auto& entry) { return line < entry.first; });
  if (it == sources.begin()) return nullptr;
  return &std::prev(it)->second;
}

namespace {

// Characters YAML wants escaped inside a double-quoted scalar (C0, DEL, C1, BOM, line and
// paragraph separators); everything else is printable.
bool needs_escape(std::string_view s, std::size_t i, std::size_t& length) {
  auto c = static_cast<unsigned char>(s[i]);
  length = 1;
  if (c < 0x20 || c == 0x7F) return true;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return length = 2, true;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
    return length = 3, true;
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB && static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return length = 3, true;
  return false;
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 1;
    char c = s[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (needs_escape(s, i, length)) {
      // Decode the (short) sequence to its code point.
      unsigned cp = static_cast<unsigned char>(c);
      if (length == 2) cp = ((cp & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      if (length == 3) cp = ((cp & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      out += fmt::format("\\u{:04X}", cp);
    } else {
      out += c;
    }
    i += length;
  }
  return out + "\"";
}

bool has_escapes(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t length = 1;
    if (s[i] != '\n' && needs_escape(s, i, length)) return true;
  }
  return false;
}

bool plain_safe(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  auto first = static_cast<unsigned char>(s.front());
  if (!(std::isalpha(first) || first >= 0x80)) return false;
  if (s.back() == ' ' || s.back() == ':') return false;
  // Inside a plain scalar only ": " and " #" mean something (a key, a comment).
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  if (s.find_first_of("\n\t\r\"\\") != std::string_view::npos) return false;
  std::size_t length = 1;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (needs_escape(s, i, length)) return false;
  if (s.size() > 5) return true;
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view word : {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf"})
    if (lower == word) return false;
  return true;
}

// A literal block keeps every line as written; it cannot hold a first line that starts with a
// space (it would need an indentation indicator), lines of only spaces, tabs or escapes.
bool literal_safe(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == '\n' || has_escapes(s) || s.find('\t') != std::string_view::npos) return false;
  std::size_t at = 0;
  while (at <= s.size()) {
    std::size_t end = s.find('\n', at);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = s.substr(at, end - at);
    if (!line.empty() && line.find_first_not_of(' ') == std::string_view::npos) return false;
    at = end + 1;
  }
  return true;
}

}  // namespace

// Appends the scalar to `out` (the writer builds each file in place: no string per line).
void append_yaml_scalar(std::string& out, std::string_view value, int indent) {
  if (value.find('\n') != std::string_view::npos && literal_safe(value)) {
    out += "|-";
    std::size_t at = 0;
    while (at <= value.size()) {
      std::size_t end = value.find('\n', at);
      if (end == std::string_view::npos) end = value.size();
      std::string_view line = value.substr(at, end - at);
      out += '\n';
      if (!line.empty()) {
        out.append(static_cast<std::size_t>(indent), ' ');
        out += line;
      }
      at = end + 1;
    }
    return;
  }
  if (plain_safe(value)) out += value;
  else out += double_quoted(value);
}

std::string yaml_scalar(std::string_view value, int indent) {
  std::string out;
  append_yaml_scalar(out, value, indent);
  return out;
}

namespace {

class Writer {
 public:
  void line(std::string_view text, const DocLine* source = nullptr) {
    ++m_line;
    if (source && source->line > 0) m_file.sources.emplace_back(m_line, *source);
    m_file.text += text;
    m_file.text += '\n';
    m_line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  }
  void field(int indent, std::string_view key, std::string_view value, const DocLine* source = nullptr, std::string_view lead = "") {
    ++m_line;
    if (source && source->line > 0) m_file.sources.emplace_back(m_line, *source);
    std::string& text = m_file.text;
    text.append(static_cast<std::size_t>(indent), ' ');
    text += lead;
    text += key;
    text += ": ";
    std::size_t scalar = text.size();
    append_yaml_scalar(text, value, indent + static_cast<int>(lead.size()) + 2);
    m_line += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(scalar), text.end(), '\n'));
    text += '\n';
  }
  void resources(int indent, const std::vector<ImportedResource>& list) {
    for (const auto& r : list) {
      field(indent, "url", r.url, &r.source, "- ");
      int inner = indent + 2;
      if (!r.title.empty()) field(inner, "title", r.title, &r.source);
      if (!r.kind.empty()) field(inner, "kind", r.kind, &r.source);
      if (!r.description.empty()) field(inner, "description", r.description, &r.source);
    }
  }
  WrittenFile take(std::string name) {
    m_file.name = std::move(name);
    return std::move(m_file);
  }

 private:
  WrittenFile m_file;
  int m_line = 0;
};

std::string file_name(std::size_t index, std::size_t count, const std::string& section_name) {
  std::size_t width = std::max<std::size_t>(2, std::to_string(count).size());
  std::string slug = id_from_text(section_name);
  if (slug.empty()) slug = "section";
  return fmt::format("{:0{}}-{}.yaml", index + 1, width, slug);
}

}  // namespace

namespace {

WrittenFile render_section(const ImportedSection& section, std::string name) {
  Writer out;
  out.field(0, "section", section.name, &section.source);
  out.line("questions:");
  for (const auto& q : section.questions) {
    out.field(2, "id", q.id, &q.source, "- ");
    out.field(4, "question", q.question, &q.source);
    out.field(4, "answer", q.answer, &q.answer_source);
    if (!q.difficulty.empty()) out.field(4, "difficulty", q.difficulty, &q.source);
    if (!q.tags.empty()) {
      std::string list;
      for (const auto& tag : q.tags) list += (list.empty() ? "" : ", ") + tag;
      out.line("    tags: [" + list + "]", &q.source);
    }
    if (!q.resources.empty()) {
      out.line("    resources:", &q.source);
      out.resources(6, q.resources);
    }
  }
  return out.take(std::move(name));
}

}  // namespace

std::vector<WrittenFile> render_bank(const ImportedBank& bank, const std::string& title, const std::string& deck) {
  std::vector<WrittenFile> files(bank.sections.size() + 1);
  Writer top;
  top.line("# Imported from Markdown by qbank import; edit freely.");
  top.field(0, "title", title, &bank.title_source);
  top.field(0, "deck", deck, &bank.title_source);
  if (!bank.description.empty()) top.field(0, "description", bank.description, &bank.description_source);
  if (!bank.resources.empty()) {
    top.line("resources:");
    top.resources(2, bank.resources);
  }
  files[0] = top.take("bank.yaml");
  // Each section file depends on its section alone: two threads take them in turn (the
  // files are the same whichever renders them).
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < bank.sections.size(); i = next++)
      files[i + 1] = render_section(bank.sections[i], file_name(i, bank.sections.size(), bank.sections[i].name));
  };
  std::future<void> helper;
  if (bank.sections.size() > 1) helper = std::async(std::launch::async, work);
  work();
  if (helper.valid()) helper.get();
  return files;
}

}  // namespace qbank::importer
