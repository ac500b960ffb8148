#include "exporters/anki/media.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bank/media.hpp"
#include "core/atomic_file.hpp"
#include "core/markdown_scan.hpp"

namespace qbank::exporters::anki {

MediaSet MediaSet::collect(const bank::Bank& bank) {
  MediaSet set;
  std::map<std::string, std::filesystem::path> files;
  for (std::size_t s = 0; s < bank.sections.size(); ++s) {
    const auto& section = bank.sections[s];
    for (const auto& question : section.questions)
      for (const std::string* text : {&question.question, &question.answer})
        for (const auto& item : markdown::scan(*text, {markdown::ItemKind::image})) {
          if (!markdown::is_local_path(item.text)) continue;
          bank::LocalImage image = bank::resolve_local_image(bank, section, item.text);
          if (!image.problem.empty()) continue;
          // Two files whose flat names collide ("a/b.png" and "a_b.png"): the first keeps it.
          auto [it, added] = files.emplace(image.media_name, image.file);
          if (!added && it->second != image.file) continue;
          set.m_names[{s, item.text}] = image.media_name;
        }
  }
  set.m_files.assign(files.begin(), files.end());
  return set;
}

std::optional<std::string> MediaSet::name_for(const bank::Question& question, std::string_view url) const {
  auto it = m_names.find(std::pair<std::size_t, std::string>(question.section_index, std::string(url)));
  if (it == m_names.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> MediaSet::read_contents() const {
  std::vector<std::string> contents;
  contents.reserve(m_files.size());
  for (const auto& [name, file] : m_files) contents.push_back(read_file(file));
  return contents;
}

std::string MediaSet::media_json() const {
  nlohmann::ordered_json map = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < m_files.size(); ++i) map[std::to_string(i)] = m_files[i].first;
  return map.dump();
}

}  // namespace qbank::exporters::anki
