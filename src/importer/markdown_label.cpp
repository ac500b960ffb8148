#include "importer/markdown_label.hpp"

#include <cctype>

#include "core/text.hpp"
#include "importer/classify.hpp"

namespace qbank::importer {

namespace {

std::size_t skip_delimiters(std::string_view text, std::size_t at) {
  while (at < text.size() && (text[at] == '*' || text[at] == '_')) ++at;
  return at;
}

// `labels` (lower case) followed by ':' (bold markers allowed around either): the label's end
// and whether bold opened before it and was not closed after the ':'.
bool strip_label(std::string& markdown, std::initializer_list<std::string_view> labels) {
  std::string_view text = markdown;
  std::size_t open = skip_delimiters(text, 0);
  std::size_t end = open;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  std::string word = lower_ascii(text.substr(open, end - open));
  bool known = false;
  for (auto label : labels) known = known || word == label;
  if (!known) return false;
  std::size_t at = skip_delimiters(text, end);
  bool closed_before_colon = at > end;
  while (at < text.size() && text[at] == ' ') ++at;
  if (at >= text.size() || text[at] != ':') return false;
  ++at;
  std::size_t after = skip_delimiters(text, at);
  bool closed_after_colon = after > at;
  std::string rest(text::trim(text.substr(after)));
  // "**Q: What is X?**": the bold wraps the whole line, so its closing delimiter goes too.
  if (open > 0 && !closed_before_colon && !closed_after_colon) {
    std::size_t line_end = rest.find('\n');
    std::string_view first = std::string_view(rest).substr(0, line_end == std::string::npos ? rest.size() : line_end);
    std::string_view delim = text.substr(0, open);
    std::string_view trimmed = text::trim(first);
    if (trimmed.ends_with(delim)) {
      std::string fixed(trimmed.substr(0, trimmed.size() - delim.size()));
      rest = fixed + (line_end == std::string::npos ? "" : rest.substr(line_end));
    }
  }
  markdown = std::string(text::trim(rest));
  return true;
}

}  // namespace

bool strip_answer_label(std::string& markdown) { return strip_label(markdown, {"answer", "ans", "a"}); }
bool strip_question_label(std::string& markdown) { return strip_label(markdown, {"question", "q"}); }

bool split_leading_bold(std::string_view markdown, std::string& inside, std::string& after) {
  if (markdown.size() < 5) return false;
  std::string_view delim = markdown.substr(0, 2);
  if (delim != "**" && delim != "__") return false;
  std::size_t close = markdown.find(delim, 2);
  if (close == std::string_view::npos || close == 2) return false;
  inside = std::string(text::trim(markdown.substr(2, close - 2)));
  after = std::string(markdown.substr(close + 2));
  return true;
}

std::string tidy(std::string_view markdown) {
  std::string out;
  std::size_t at = 0;
  while (at <= markdown.size()) {
    std::size_t end = markdown.find('\n', at);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(at, end - at);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (!out.empty() || at > 0) out += '\n';
    out += line;
    at = end + 1;
  }
  return std::string(text::trim(out));
}

std::optional<std::string> anchor_id(std::string_view block) {
  std::string_view text = text::trim(block);
  if (!text.starts_with("<a ") || !text.ends_with("></a>")) return std::nullopt;
  text = text::trim(text.substr(3, text.size() - 8));  // what is between "<a " and "></a>"
  for (std::string_view attribute : {"id=", "name="}) {
    if (!text.starts_with(attribute)) continue;
    std::string_view value = text.substr(attribute.size());
    if (value.size() < 2 || (value.front() != '"' && value.front() != '\'') || value.back() != value.front()) return std::nullopt;
    value = value.substr(1, value.size() - 2);
    if (value.find_first_of("\"'<>\n") != std::string_view::npos) return std::nullopt;  // another attribute, or no anchor
    return std::string(value);
  }
  return std::nullopt;
}

bool is_markdownlint_directive(std::string_view block) {
  std::string_view text = text::trim(block);
  if (!text.starts_with("<!--") || !text.ends_with("-->")) return false;
  text = text::trim(text.substr(4, text.size() - 7));
  return text.starts_with("markdownlint-") && text.find("-->") == std::string_view::npos;
}

}  // namespace qbank::importer
