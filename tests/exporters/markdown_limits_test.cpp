// Markdown that cmark-gfm 0.29 takes minutes over (issue 12) never reaches it: the limits in
// core/markdown_limits.hpp, the plain-text fallbacks of the card and Markdown export renderers,
// and the math protection that used to rescan the whole field for every unmatched "\(".
#include <catch2/catch.hpp>

#include "core/markdown_limits.hpp"
#include "exporters/anki/html.hpp"
#include "exporters/markdown_render.hpp"
#include "links/extract.hpp"

using namespace qbank;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("Markdown limits: length, nesting depth and table cells") {
  CHECK_FALSE(markdown::over_limits("A *normal* answer.\n\n- one\n  - two\n    > three\n"));
  CHECK_FALSE(markdown::over_limits(std::string(markdown::k_max_bytes, 'a')));
  CHECK(markdown::over_limits(std::string(markdown::k_max_bytes + 1, 'a')) == "is 32,769 bytes long, over the limit of 32,768");

  CHECK_FALSE(markdown::over_limits(repeat("- ", 32) + "x"));
  CHECK(markdown::over_limits("text\n" + repeat("- ", 33) + "x") ==
        "is nested 33 levels deep on its line 2 (lists, block quotes or indentation), over the limit of 32");
  CHECK(markdown::over_limits(repeat("> ", 20) + repeat("1. ", 20)));
  CHECK(markdown::over_limits(std::string(66, ' ') + "- x"));  // indented under 33 list items
  CHECK_FALSE(markdown::over_limits("-not a marker " + repeat("-x ", 100)));

  CHECK_FALSE(markdown::over_limits(repeat("|a", 256)));
  CHECK(markdown::over_limits(repeat("|a", 257)) == "has 257 '|' on its line 1, over the limit of 256 table cells in a row");
}

TEST_CASE("over-limit Markdown reaches the card as escaped plain text") {
  std::string nested = repeat("- ", 12000) + repeat("[", 46000);  // 70 KB: 21 s in cmark-gfm
  std::string html = exporters::anki::markdown_to_html(nested);
  CHECK(html == "<p>" + nested + "</p>");
  std::string deep = repeat("- ", 8000) + repeat("[<b>", 4000);  // under the length limit
  CHECK(exporters::anki::markdown_to_html(deep) == "<p>" + repeat("- ", 8000) + repeat("[&lt;b&gt;", 4000) + "</p>");
  CHECK(links::markdown_urls(repeat("- ", 8000) + "[a](https://example.com/)").empty());
  CHECK(links::markdown_urls("- [a](https://example.com/)") == std::vector<std::string>{"https://example.com/"});
}

TEST_CASE("unmatched math openers are passed to cmark as text, and matched ones still work") {
  std::string openers = repeat("\\(", 16000);  // just under the length limit
  CHECK(exporters::anki::markdown_to_html(openers) == "<p>" + std::string(16000, '(') + "</p>");
  CHECK(exporters::anki::markdown_to_html("\\( a \\( b \\) c \\[ x_1 \\]") == "<p>\\( a \\( b \\) c \\[ x_1 \\]</p>");
  CHECK(exporters::anki::markdown_to_html("\\[ a \\( b \\) \\[") == "<p>[ a \\( b \\) [</p>");
}

TEST_CASE("over-limit Markdown goes into the Markdown export as escaped plain text") {
  // 8,000 nested lists: the list layout recursed once per level and overflowed the stack.
  std::string out = exporters::markdown::render(repeat("- ", 8000) + "[<b>\n\n" + repeat("> ", 40) + "*x*");
  CHECK(out.starts_with("\\- - - "));
  CHECK(out.find("\n- ") == std::string::npos);  // not wrapped: no line starts a list item
  CHECK(out.find("\n\n\\> \\> \\> ") != std::string::npos);
  CHECK(out.ends_with("\\*x\\*"));
  CHECK(out.find("\\[\\<b\\>") != std::string::npos);
}
