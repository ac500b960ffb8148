#include "exporters/markdown_text.hpp"

#include <cctype>
#include <vector>

#include "core/text.hpp"

namespace qbank::exporters::markdown {

std::string slug(std::string_view heading) {
  // As markdownlint's link-fragments check and GitHub: lower case, drop punctuation other
  // than '-' and '_', spaces become '-'. Non-ASCII letters are kept as they are.
  std::string out;
  for (unsigned char c : text::trim(heading)) {
    if (c >= 0x80 || std::isalnum(c) || c == '-' || c == '_')
      out += static_cast<char>(std::tolower(c));
    else if (c == ' ')
      out += '-';
  }
  return out;
}

std::string Anchors::add(std::string_view heading) {
  std::string base = slug(heading);
  int& count = m_seen[base];
  std::string anchor = count == 0 ? base : base + "-" + std::to_string(count);
  ++count;
  return anchor;
}

namespace {
std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;  // code points, near enough for width
  return n;
}

// A word that would start a block (list, heading, quote, table, fence, HTML) if it began a line.
bool starts_block(std::string_view word) {
  if (word.empty()) return false;
  if (std::string_view("-+*#>|=~`<").find(word.front()) != std::string_view::npos) return true;
  std::size_t digits = 0;
  while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
  return digits > 0 && digits < word.size() && (word[digits] == '.' || word[digits] == ')');
}

// markdownlint (MD034) wants no bare URLs: http(s) URLs go into angle brackets and www.
// addresses become links, unless inside code or already part of a link. `backticks` counts the
// backticks seen on the line before this word.
std::string bracket_url(std::string_view word, std::size_t backticks) {
  std::string out;
  std::size_t i = 0;
  while (i < word.size()) {
    bool at_start = i == 0 || std::string_view("\"'(=").find(word[i - 1]) != std::string_view::npos;
    bool in_code = backticks % 2 == 1;
    bool in_link = i > 0 && (word[i - 1] == '<' || word[i - 1] == '[' || (i > 1 && word[i - 1] == '(' && word[i - 2] == ']'));
    std::string_view rest = word.substr(i);
    bool www = rest.rfind("www.", 0) == 0;
    if (at_start && !in_code && !in_link && (rest.rfind("http://", 0) == 0 || rest.rfind("https://", 0) == 0 || www)) {
      std::size_t end = rest.find_first_of("\"'<>`");
      if (end == std::string_view::npos) end = rest.size();
      while (end > 0 && std::string_view(".,;:!?)").find(rest[end - 1]) != std::string_view::npos) --end;
      std::string url(rest.substr(0, end));
      out += www ? "[" + url + "](http://" + url + ")" : "<" + url + ">";
      i += end;
      continue;
    }
    backticks += word[i] == '`';
    out += word[i++];
  }
  return out;
}

// Raw HTML in the author's text would be HTML in the document (MD033): `<tag` becomes `\<tag`,
// outside code. Math spans get `*` escaped so it cannot pair up as emphasis (MD037); both
// escapes render as the original characters.
std::string escape_inline(std::string_view line) {
  std::string out;
  std::size_t backticks = 0;
  bool in_math = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    char next = i + 1 < line.size() ? line[i + 1] : '\0';
    bool in_code = backticks % 2 == 1;
    if (c == '`') ++backticks;
    if (!in_code && c == '\\' && (next == '(' || next == '[' || next == ')' || next == ']')) {
      in_math = next == '(' || next == '[';
      out += c;
      out += next;
      ++i;
      continue;
    }
    bool autolink = line.substr(i).starts_with("<http://") || line.substr(i).starts_with("<https://") ||
                    line.substr(i).starts_with("<mailto:");
    if (!in_code && !autolink && c == '<' &&
        (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?'))
      out += '\\';
    if (!in_code && in_math && c == '*' && (i == 0 || line[i - 1] != '\\')) out += '\\';
    out += c;
  }
  return out;
}

std::string wrap_line(std::string_view line, std::size_t width) {
  std::size_t indent = 0;
  while (indent < line.size() && line[indent] == ' ') ++indent;
  std::string prefix(line.substr(0, indent));
  std::string_view body = line.substr(indent);
  // List items: "* " and "+ " become "- "; continuation lines align with the item's text.
  std::size_t marker = 0;
  if (body.size() >= 2 && (body[0] == '-' || body[0] == '*' || body[0] == '+') && body[1] == ' ') {
    prefix += "- ";
    marker = 2;
  } else {
    std::size_t digits = 0;
    while (digits < body.size() && std::isdigit(static_cast<unsigned char>(body[digits]))) ++digits;
    if (digits > 0 && digits + 1 < body.size() && (body[digits] == '.' || body[digits] == ')') && body[digits + 1] == ' ') {
      prefix += std::string(body.substr(0, digits + 2));
      marker = digits + 2;
    }
  }
  std::string continuation(prefix.size(), ' ');
  std::vector<std::string_view> words;
  std::string escaped = escape_inline(body.substr(marker));
  std::string_view rest = escaped;
  for (std::size_t at = 0; at < rest.size();) {
    std::size_t end = rest.find(' ', at);
    if (end == std::string_view::npos) end = rest.size();
    if (end > at) words.push_back(rest.substr(at, end - at));
    at = end + 1;
  }
  std::string out = prefix, current;
  std::size_t backticks = 0;
  // The width of `current` is kept as it grows, not recounted per word: a line that cannot
  // wrap (every word starts a block) made recounting quadratic in the line's length.
  // The prefix is ASCII (indentation and a list marker) and the continuation as wide.
  std::size_t current_columns = 0;
  const std::size_t prefix_columns = columns(prefix);
  for (auto word : words) {
    std::string piece = bracket_url(word, backticks);
    for (char c : word) backticks += c == '`';
    std::size_t piece_columns = columns(piece);
    if (!current.empty() && prefix_columns + current_columns + 1 + piece_columns > width && !starts_block(piece)) {
      out += current + "\n";
      prefix = continuation;
      out += prefix;
      current.clear();
      current_columns = 0;
    }
    current_columns += (current.empty() ? 0 : 1) + piece_columns;
    current += (current.empty() ? "" : " ") + piece;
  }
  out += current;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}
}  // namespace

std::string reflow(std::string_view markdown, std::size_t width) {
  std::string out;
  std::string_view fence;  // the open fence's marker, empty outside code
  std::string_view text = text::trim(markdown);
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at = end + 1;
    std::string_view trimmed = text::trim(line);
    bool fence_line = trimmed.rfind("```", 0) == 0 || trimmed.rfind("~~~", 0) == 0;
    if (!fence.empty()) {
      out += std::string(line) + "\n";
      if (fence_line && trimmed.substr(0, 3) == fence && text::trim(trimmed.substr(3)).empty()) fence = {};
      continue;
    }
    if (fence_line) {
      fence = trimmed.substr(0, 3);
      // markdownlint (MD040) wants a language on every fence.
      out += std::string(line) + (text::trim(trimmed.substr(3)).empty() ? "text" : "") + "\n";
      continue;
    }
    if (trimmed.empty() && (out.empty() || out.ends_with("\n\n"))) {  // one blank line at most (MD012)
      if (end == text.size()) break;
      continue;
    }
    bool keep = trimmed.empty() || trimmed.front() == '|' || trimmed.front() == '#' || line.rfind("    ", 0) == 0;
    out += (keep ? std::string(text::trim(line).empty() ? "" : line) : wrap_line(line, width)) + "\n";
    if (end == text.size()) break;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace qbank::exporters::markdown
