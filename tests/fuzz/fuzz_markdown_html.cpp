// libFuzzer harness: Markdown to card HTML (math protection, cmark-gfm in safe mode, the
// Markdown limits) and the HTML-to-text step Anki's sort field gets.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "exporters/anki/html.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view markdown(reinterpret_cast<const char*>(data), size);
  std::string html = qbank::exporters::anki::markdown_to_html(markdown);
  qbank::exporters::anki::strip_html(html);
  qbank::exporters::anki::escape_html(markdown);
  return 0;
}
