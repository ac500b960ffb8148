// What a Markdown field holds that the outputs treat specially: raw HTML (dropped from Anki
// cards), links and images (their URLs), headings (they break the Markdown export's levels).
// Parsed with cmark-gfm as the exporters parse it, so code spans and fenced blocks, where
// none of these are what they look like, are skipped the same way. Used by the content lint
// rules and by the .apkg exporter (local images become media files).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::markdown {

enum class ItemKind { html, link, image, heading };

struct Item {
  ItemKind kind;
  std::string text;  // the HTML as written, the link's or image's URL, the heading's level ("2")
  int line = 1;      // 1-based line inside the field (for blocks; inline items take their block's)
};

// Only what `kinds` asks for; a field that cannot hold any of it is not parsed at all.
std::vector<Item> scan(std::string_view markdown, std::initializer_list<ItemKind> kinds);

// "javascript:", "vbscript:", "file:", and "data:" other than the image types cmark-gfm's
// safe mode keeps: URLs the card renderer removes and no reader should be sent to.
bool is_unsafe_url(std::string_view url);

// A URL with no scheme that is not protocol-relative ("//host") nor a fragment: a path.
bool is_local_path(std::string_view url);

}  // namespace qbank::markdown
