#include "bank/model_builder.hpp"

#include "bank/yaml_json.hpp"

namespace qbank::bank {

namespace {

// Lookups go through a const node: operator[] on a non-const yaml-cpp node inserts the key.
YAML::Node field(const YAML::Node& mapping, const char* key) {
  const YAML::Node& m = mapping;
  return m[key];
}

std::string scalar(const YAML::Node& mapping, const char* key) {
  YAML::Node value = field(mapping, key);
  return value.IsDefined() && value.IsScalar() ? value.Scalar() : std::string();
}

bool is_scalar(const YAML::Node& mapping, const char* key) {
  YAML::Node value = field(mapping, key);  // a missing key gives an invalid node: ask IsDefined first
  return value.IsDefined() && value.IsScalar();
}

std::vector<std::string> scalars(const YAML::Node& mapping, const char* key) {
  std::vector<std::string> values;
  YAML::Node list = field(mapping, key);
  if (list.IsDefined() && list.IsSequence())
    for (const auto& item : list)
      if (item.IsScalar()) values.push_back(item.Scalar());
  return values;
}

SourceLocation value_location(const YAML::Node& mapping, const char* key, const SourceLocation& fallback, const std::string& file) {
  YAML::Node value = field(mapping, key);
  if (!value.IsDefined()) return fallback;
  SourceLocation where = location_of(value, file);
  if (where.line == 0) where = location_of(key_node(mapping, key), file);  // key with no value
  return where.line == 0 ? fallback : where;
}

std::vector<Resource> resources(const YAML::Node& mapping, const std::string& file) {
  std::vector<Resource> result;
  YAML::Node list = field(mapping, "resources");
  if (!list.IsDefined() || !list.IsSequence()) return result;
  for (const auto& item : list) {
    Resource resource;
    if (item.IsScalar()) {
      resource.url = item.Scalar();
      resource.where = location_of(item, file);
    } else if (item.IsMap()) {
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

Section build_section(const YAML::Node& root, const std::string& file, std::string_view content) {
  Section section;
  section.file = file;
  section.name = scalar(root, "section");
  section.where = location_of(root, file);
  YAML::Node list = field(root, "questions");
  if (!list.IsDefined() || !list.IsSequence()) return section;
  for (const auto& item : list) {
    if (!item.IsMap()) continue;
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
    section.questions.push_back(std::move(q));
  }
  // yaml-cpp has no end marks: a question ends where the next begins (less trailing blanks).
  int file_end = last_content_line(content);
  for (std::size_t i = 0; i < section.questions.size(); ++i) {
    int end = i + 1 < section.questions.size() ? section.questions[i + 1].where.line - 1 : file_end;
    section.questions[i].last_line = std::max(section.questions[i].where.line, end);
  }
  return section;
}

BankInfo build_bank_info(const YAML::Node& root, const std::string& file) {
  BankInfo info;
  info.file = file;
  info.title = scalar(root, "title");
  info.deck = scalar(root, "deck");
  info.description = scalar(root, "description");
  info.resources = resources(root, file);
  return info;
}

}  // namespace qbank::bank
