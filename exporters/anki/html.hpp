// Card HTML: Markdown rendered with cmark-gfm (tables, strikethrough, autolinks) in safe mode,
// because Anki runs scripts in cards: raw HTML and javascript:/data: links never get through.
// Math written as \( … \) or \[ … \] is passed through untouched for Anki's MathJax.
// Shared by the .apkg and the anki-text exporters.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bank/model.hpp"

namespace qbank::exporters::anki {

// `image_src`, when given, maps each image URL to the src the card uses (Anki media names);
// it returns nullopt to leave a URL as written.
using ImageSource = std::function<std::optional<std::string>(std::string_view url)>;
std::string markdown_to_html(std::string_view markdown, const ImageSource* image_src = nullptr);

// The resources as an HTML list of links (http, https and mailto only); "" when none.
std::string resources_html(const std::vector<bank::Resource>& resources);

// &, <, >, " escaped.
std::string escape_html(std::string_view text);

// Text without tags (and without style/script content), entities decoded, trimmed: what
// Anki stores as the sort field and checksums.
std::string strip_html(std::string_view html);

}  // namespace qbank::exporters::anki
