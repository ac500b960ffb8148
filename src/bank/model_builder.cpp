#include "bank/model_builder.hpp"

#include "bank/source_notes.hpp"
#include "bank/yaml_json.hpp"

namespace qbank::bank {

namespace {

std::string scalar(const YamlNode& mapping, const char* key) { return mapping[key].scalar(); }

bool is_scalar(const YamlNode& mapping, const char* key) { return mapping[key].is_scalar(); }

std::vector<std::string> scalars(const YamlNode& mapping, const char* key) {
  std::vector<std::string> values;
  YamlNode list = mapping[key];
  if (!list.is_sequence()) return values;
  for (std::size_t i = 0; i < list.size(); ++i)
    if (YamlNode item = list.item(i); item.is_scalar()) values.push_back(item.scalar());
  return values;
}

SourceLocation value_location(const YamlNode& mapping, const char* key, const SourceLocation& fallback, const std::string& file) {
  YamlNode value = mapping[key];
  if (!value.present()) return fallback;
  // A key with no value: its null node is marked at the next token, if at all; use the key.
  SourceLocation where = location_of(value.is_null() ? mapping.key_of(key) : value, file);
  return where.line == 0 ? fallback : where;
}

std::vector<Resource> resources(const YamlNode& mapping, const std::string& file) {
  std::vector<Resource> result;
  YamlNode list = mapping["resources"];
  if (!list.is_sequence()) return result;
  result.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    YamlNode item = list.item(i);
    Resource resource;
    if (item.is_scalar()) {
      resource.url = item.scalar();
      resource.where = location_of(item, file);
    } else if (item.is_mapping()) {
      resource.url = scalar(item, "url");
      resource.title = scalar(item, "title");
      resource.description = scalar(item, "description");
      resource.kind = scalar(item, "kind");
      resource.where = value_location(item, "url", location_of(item, file), file);
    } else {
      continue;
    }
    result.push_back(std::move(resource));
  }
  return result;
}

// The last line of the file that is not blank, so a section's last question can say where it ends.
int last_content_line(std::string_view content) {
  int line = 1, last = 1;
  bool blank = true;
  for (char c : content) {
    if (c == '\n') {
      if (!blank) last = line;
      ++line;
      blank = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      blank = false;
    }
  }
  if (!blank) last = line;
  return last;
}

}  // namespace

Section build_section(const YamlNode& root, const std::string& file, std::string_view content) {
  Section section;
  section.file = file;
  section.name = scalar(root, "section");
  section.where = location_of(root, file);
  YamlNode list = root["questions"];
  if (!list.is_sequence()) return section;
  std::size_t questions = 0;
  for (std::size_t i = 0; i < list.size(); ++i) questions += list.item(i).size() > 0;
  section.questions.reserve(questions);
  // Only a file with " #" in it can have text cut short by a comment.
  bool may_be_cut = content.find(" #") != std::string_view::npos;
  std::vector<std::size_t> starts = may_be_cut ? line_starts(content) : std::vector<std::size_t>{};
  for (std::size_t i = 0; i < list.size(); ++i) {
    YamlNode item = list.item(i);
    // An empty mapping is only the schema's finding; as a Question (some 400 bytes) a file of
    // 249k "{}" items would take 100 times its own size in memory.
    if (!item.is_mapping() || item.size() == 0) continue;
    Question q;
    q.where = location_of(item, file);
    q.id = scalar(item, "id");
    q.question = scalar(item, "question");
    q.answer = scalar(item, "answer");
    q.has_question = is_scalar(item, "question");
    q.has_answer = is_scalar(item, "answer");
    q.difficulty = scalar(item, "difficulty");
    q.tags = scalars(item, "tags");
    q.distinct_from = scalars(item, "distinct-from");
    q.resources = resources(item, file);
    q.id_at = value_location(item, "id", q.where, file);
    q.question_at = value_location(item, "question", q.where, file);
    q.answer_at = value_location(item, "answer", q.where, file);
    if (may_be_cut) {
      find_cut_text(q, "question", item["question"], content, starts, file);
      find_cut_text(q, "answer", item["answer"], content, starts, file);
    }
    section.questions.push_back(std::move(q));
  }
  // yaml-cpp has no end marks: a question ends where the next begins (less trailing blanks).
  int file_end = last_content_line(content);
  for (std::size_t i = 0; i < section.questions.size(); ++i) {
    int end = i + 1 < section.questions.size() ? section.questions[i + 1].where.line - 1 : file_end;
    section.questions[i].last_line = std::max(section.questions[i].where.line, end);
  }
  read_suppressions(section, content);
  return section;
}

BankInfo build_bank_info(const YamlNode& root, const std::string& file) {
  BankInfo info;
  info.file = file;
  info.title = scalar(root, "title");
  info.deck = scalar(root, "deck");
  info.description = scalar(root, "description");
  info.resources = resources(root, file);
  return info;
}

}  // namespace qbank::bank
