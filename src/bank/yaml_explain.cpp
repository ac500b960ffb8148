#include "bank/yaml_explain.hpp"

#include <cctype>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"

namespace qbank::bank {

namespace {

// "  - question: text" split into its parts; `value` empty when the line is no `key: value`.
struct KeyLine {
  std::string_view prefix;  // indentation and "- ", up to the key
  std::string_view key;
  std::string_view value;   // after ": ", trailing spaces removed
  std::size_t value_column = 0;  // 0-based
};

KeyLine split_key_line(std::string_view line) {
  KeyLine parts;
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  if (line.compare(i, 2, "- ") == 0) {
    i += 2;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  std::size_t key_start = i;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '-' || line[i] == '_')) ++i;
  if (i == key_start || line.compare(i, 2, ": ") != 0) return parts;
  parts.prefix = line.substr(0, key_start);
  parts.key = line.substr(key_start, i - key_start);
  i += 2;
  while (i < line.size() && line[i] == ' ') ++i;
  parts.value = line.substr(i);
  while (!parts.value.empty() && (parts.value.back() == ' ' || parts.value.back() == '\t')) parts.value.remove_suffix(1);
  parts.value_column = i;
  return parts;
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The line as it should read, without its indentation (which the author has right).
std::string corrected(const KeyLine& line, std::string_view value) {
  std::string_view prefix = line.prefix;
  while (!prefix.empty() && prefix.front() == ' ') prefix.remove_prefix(1);
  return fmt::format("{}{}: {}", prefix, line.key, value);
}

// Where a quoted value opened with `quote` closes on its own line, or npos.
std::size_t closing_quote(std::string_view value, char quote) {
  for (std::size_t i = 1; i < value.size(); ++i) {
    if (quote == '"' && value[i] == '\\') {
      ++i;
      continue;
    }
    if (value[i] == quote) {
      if (quote == '\'' && i + 1 < value.size() && value[i + 1] == '\'') {
        ++i;  // '' is an escaped quote inside single quotes
        continue;
      }
      return i;
    }
  }
  return std::string_view::npos;
}

bool closes(std::string_view value, char quote) { return closing_quote(value, quote) != std::string_view::npos; }

Explanation at_value(int line, const KeyLine& parts, std::string message, std::string hint) {
  return {line + 1, static_cast<int>(parts.value_column) + 1, std::move(message), std::move(hint)};
}

}  // namespace

Explanation explain_yaml_error(const YAML::Exception& error, std::string_view content) {
  // yaml-cpp quotes the byte it stopped at, which can be the first half of a character
  // ("unknown escape character: \xC3"); a report must stay valid UTF-8 (JSON output needs it).
  std::string raw = text::valid_utf8(error.msg);
  if (!raw.empty()) raw[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(raw[0])));
  Explanation plain{error.mark.is_null() ? 0 : error.mark.line + 1, error.mark.is_null() ? 0 : error.mark.column + 1, raw, {}};
  if (error.mark.is_null()) return plain;
  std::vector<std::string_view> lines = text::split_lines(content);
  int at = error.mark.line;
  if (at < 0 || static_cast<std::size_t>(at) >= lines.size()) at = static_cast<int>(lines.size()) - 1;

  // An unclosed quote: the parser stops wherever the quoted text happens to end (often much
  // later); the mistake is on the line where the quote opened.
  auto unclosed_quote = [&](int l) -> std::optional<Explanation> {
    KeyLine q = split_key_line(lines[static_cast<std::size_t>(l)]);
    if (q.value.empty()) return std::nullopt;
    char quote = q.value.front();
    if ((quote != '"' && quote != '\'') || closes(q.value, quote)) return std::nullopt;
    return at_value(l, q, fmt::format("the {} quote that opens this value is never closed (YAML: {})",
                                      quote == '"' ? "double" : "single", raw),
                    fmt::format("close it at the end of the value: {}{}", corrected(q, q.value), quote));
  };
  if (auto here = unclosed_quote(at)) return *here;

  KeyLine parts = split_key_line(lines[static_cast<std::size_t>(at)]);
  auto earlier_quote = [&]() -> Explanation {
    for (int l = at - 1; l >= 0 && l >= at - 200; --l)
      if (auto found = unclosed_quote(l)) return *found;
    return plain;
  };
  // A plain value cut by ' #' cannot go on on the next line (`answer: the # symbol and` then
  // indented text): the parser stops at the continuation; the mistake is the ' #' above it.
  auto indent = [](std::string_view line) { return line.find_first_not_of(' '); };
  if (parts.value.empty() && at > 0) {
    KeyLine above = split_key_line(lines[static_cast<std::size_t>(at - 1)]);
    std::size_t hash = above.value.find(" #");
    std::size_t key_indent = indent(lines[static_cast<std::size_t>(at - 1)]) + (above.prefix.ends_with("- ") ? 2 : 0);
    // One space before the '#' (a comment meant as one has two, as yamllint expects).
    if (!above.value.empty() && hash != std::string_view::npos && hash > 0 && above.value[hash - 1] != ' ' &&
        std::string_view("\"'|>[{").find(above.value.front()) == std::string_view::npos &&
        indent(lines[static_cast<std::size_t>(at)]) > key_indent) {
      std::string whole(above.value);
      for (std::size_t l = static_cast<std::size_t>(at); l < lines.size(); ++l) {
        std::size_t i = indent(lines[l]);
        if (i == std::string_view::npos || i <= key_indent) break;
        whole += " " + std::string(text::trim(lines[l]));
      }
      return {at, static_cast<int>(above.value_column + hash) + 2,
              fmt::format("this ' #' starts a YAML comment, so the value stops before it and the next line cannot "
                          "continue it (YAML: {})", raw),
              "quote the text: " + corrected(above, double_quoted(whole))};
    }
  }
  if (parts.value.empty()) return earlier_quote();
  std::string fixed = corrected(parts, double_quoted(parts.value));
  char first = parts.value.front();
  // A quote inside quoted text (`answer: "He said "hi" to me"`) closes the value early and the
  // parser stumbles on the rest ("end of map not found"): quote the whole with the other kind.
  if ((first == '"' || first == '\'') && parts.value.size() > 2 && parts.value.back() == first &&
      closing_quote(parts.value, first) < parts.value.size() - 1) {
    std::string_view inner = parts.value.substr(1, parts.value.size() - 2);
    std::string requoted;
    if (first == '\'') {
      requoted = double_quoted(inner);  // a backslash is text in single quotes, so it is escaped too
    } else if (inner.find('\'') == std::string_view::npos && inner.find('\\') == std::string_view::npos) {
      requoted = "'" + std::string(inner) + "'";
    } else {
      requoted = "\"";  // keep the author's escapes (\n), escape only the bare quotes
      for (std::size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] == '\\' && i + 1 < inner.size()) {
          requoted += inner.substr(i++, 2);
          continue;
        }
        if (inner[i] == '"') requoted += '\\';
        requoted += inner[i];
      }
      requoted += '"';
    }
    return at_value(at, parts,
                    fmt::format("the {} quote inside this value ends it early; YAML cannot read the text after it (YAML: {})",
                                first == '"' ? "double" : "single", raw),
                    fmt::format("quote the value so that its own quotes are text: {}", corrected(parts, requoted)));
  }
  if (first == '*')
    return at_value(at, parts, fmt::format("a value that starts with '*' is read as a YAML alias (a reference to an '&' anchor) (YAML: {})", raw),
                    "put the value in quotes: " + fixed);
  if (first == '&')
    return at_value(at, parts, fmt::format("a value that starts with '&' is read as a YAML anchor (YAML: {})", raw),
                    "put the value in quotes: " + fixed);
  if (first == '`' || first == '@')
    return at_value(at, parts, fmt::format("a value cannot start with '{}' in YAML: the character is reserved (YAML: {})", first, raw),
                    "put the value in quotes: " + fixed);
  if (first == '!')
    return at_value(at, parts, fmt::format("a value that starts with '!' is read as a YAML tag (YAML: {})", raw),
                    "put the value in quotes: " + fixed);
  if (first == '-' && parts.value.size() > 1 && parts.value[1] == ' ')
    return at_value(at, parts,
                    fmt::format("'- ' right after '{}:' starts a list, which YAML does not allow on the key's line (YAML: {})",
                                parts.key, raw),
                    fmt::format("for text that starts with a dash, quote it: {}; for a Markdown list, write '{}: |' and the "
                                "list on the lines below, indented",
                                fixed, parts.key));
  if ((first == '[' || first == '{') && parts.value.back() != (first == '[' ? ']' : '}'))
    return at_value(at, parts, fmt::format("a value that starts with '{}' is read as a YAML {} (YAML: {})", first,
                                           first == '[' ? "list" : "mapping", raw),
                    "put the value in quotes: " + fixed);
  if (parts.value.find(": ") != std::string_view::npos || parts.value.ends_with(':'))
    return at_value(at, parts,
                    fmt::format("this value contains ': ', which YAML reads as the start of another key (YAML: {})", raw),
                    "put the value in quotes: " + fixed);
  return earlier_quote();
}

namespace {

struct SilentScan {
  std::string_view content;
  std::vector<std::size_t> starts;  // line start offsets
  std::vector<Explanation> found;

  // Where a quote opened at `pos` closes, or npos when it never does.
  std::size_t closing_quote(std::size_t pos) const {
    char quote = content[pos];
    for (std::size_t i = pos + 1; i < content.size(); ++i) {
      if (quote == '"' && content[i] == '\\') {
        ++i;
        continue;
      }
      if (content[i] != quote) continue;
      if (quote == '\'' && i + 1 < content.size() && content[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i;
    }
    return std::string_view::npos;
  }

  void check(const YamlNode& node, int depth) {
    if (depth > 200) return;
    if (node.is_mapping()) {
      for (std::size_t i = 0; i < node.size(); ++i) check(node.value(i), depth + 1);
      return;
    }
    if (node.is_sequence()) {
      for (std::size_t i = 0; i < node.size(); ++i) check(node.item(i), depth + 1);
      return;
    }
    if (!node.is_scalar()) return;
    YAML::Mark mark = node.mark();
    if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= starts.size()) return;
    std::size_t pos = starts[static_cast<std::size_t>(mark.line)] + static_cast<std::size_t>(mark.column);
    if (pos >= content.size()) return;
    char first = content[pos];
    if (first != '"' && first != '\'' && first != '&' && first != '!') return;  // the common case: nothing to see
    std::string_view line = content.substr(starts[static_cast<std::size_t>(mark.line)]);
    line = line.substr(0, line.find('\n'));
    if (line.ends_with('\r')) line.remove_suffix(1);
    KeyLine parts = split_key_line(line);
    int l = mark.line;
    if ((first == '"' || first == '\'') && node.tag() == "!" && closing_quote(pos) == std::string_view::npos) {
      std::string value(parts.value.empty() ? content.substr(pos, line.size() - static_cast<std::size_t>(mark.column)) : parts.value);
      Explanation e{l + 1, mark.column + 1,
                    fmt::format("the {} quote that opens this value is never closed: the value runs to the end of the file",
                                first == '"' ? "double" : "single"),
                    parts.value.empty() ? "close the quote" : fmt::format("close it at the end of the value: {}{}", corrected(parts, value), first)};
      found.push_back(std::move(e));
    } else if (first == '&' && node.tag() == "?" && !parts.value.empty()) {
      found.push_back({l + 1, mark.column + 1,
                       fmt::format("a value that starts with '&' is read as a YAML anchor: the text is only '{}'", node.scalar()),
                       "put the value in quotes: " + corrected(parts, double_quoted(parts.value))});
    } else if (first == '!' && node.tag() != "?" && node.tag() != "!" && !parts.value.empty()) {
      found.push_back({l + 1, mark.column + 1,
                       fmt::format("a value that starts with '!' is read as a YAML tag: the text is only '{}'", node.scalar()),
                       "put the value in quotes: " + corrected(parts, double_quoted(parts.value))});
    }
  }
};

}  // namespace

std::vector<Explanation> find_silent_mistakes(const YamlNode& root, std::string_view content) {
  if (content.find_first_of("\"'&!") == std::string_view::npos) return {};
  SilentScan scan{content, {0}, {}};
  for (std::size_t i = content.find('\n'); i != std::string_view::npos; i = content.find('\n', i + 1)) scan.starts.push_back(i + 1);
  scan.check(root, 0);
  return std::move(scan.found);
}

}  // namespace qbank::bank
