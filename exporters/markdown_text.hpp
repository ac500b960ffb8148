// Helpers that keep the Markdown export clean under markdownlint's default rules: heading
// anchors computed the way GitHub and markdownlint compute them, and user Markdown reflowed to
// 80 columns with consistent list markers, fenced code with a language and no bare URLs.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace qbank::exporters::markdown {

// GitHub-style heading anchors; a repeated anchor gets -1, -2, … in document order.
class Anchors {
 public:
  std::string add(std::string_view heading);

 private:
  std::map<std::string, int, std::less<>> m_seen;
};

std::string slug(std::string_view heading);

// The Markdown block rewrapped at `width` columns (lines of code and tables are kept as is).
std::string reflow(std::string_view markdown, std::size_t width = 80);

}  // namespace qbank::exporters::markdown
