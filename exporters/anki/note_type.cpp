#include "exporters/anki/note_type.hpp"

#include <string>

namespace qbank::exporters::anki {

namespace {
constexpr std::string_view k_front = R"(<div class="qbank question">{{Question}}</div>)";

constexpr std::string_view k_back = R"(<div class="qbank question">{{Question}}</div>
<hr id="answer">
<div class="qbank answer">{{Answer}}</div>
{{#Resources}}<div class="qbank resources"><div class="label">Resources</div>{{Resources}}</div>{{/Resources}})";

// Readable on phones and desktops; Anki adds .nightMode (desktop, AnkiMobile) or
// .night_mode (AnkiDroid, older desktop) to the card in night mode.
constexpr std::string_view k_css = R"(.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 20px;
  line-height: 1.5;
  text-align: left;
  color: #1f2328;
  background-color: #ffffff;
  max-width: 42em;
  margin: 0 auto;
  padding: 0 0.75em;
}
.qbank.question { font-weight: 600; }
.qbank p { margin: 0.5em 0; }
.qbank code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em;
  background: #f0f2f4; padding: 0.1em 0.3em; border-radius: 4px; }
.qbank pre { background: #f0f2f4; padding: 0.6em; border-radius: 6px; overflow-x: auto; }
.qbank pre code { background: none; padding: 0; }
.qbank table { border-collapse: collapse; margin: 0.5em 0; }
.qbank th, .qbank td { border: 1px solid #d0d7de; padding: 0.25em 0.6em; }
.qbank a { color: #0969da; }
.qbank.resources { margin-top: 1em; font-size: 0.8em; }
.qbank.resources .label { font-weight: 600; color: #59636e; }
hr#answer { border: none; border-top: 1px solid #d0d7de; margin: 1em 0; }
.nightMode.card, .night_mode .card, .card.night_mode { color: #e6edf3; background-color: #1c2128; }
.nightMode .qbank code, .night_mode .qbank code,
.nightMode .qbank pre, .night_mode .qbank pre { background: #2d333b; }
.nightMode .qbank th, .night_mode .qbank th,
.nightMode .qbank td, .night_mode .qbank td { border-color: #444c56; }
.nightMode .qbank a, .night_mode .qbank a { color: #4493f8; }
.nightMode .qbank.resources .label, .night_mode .qbank.resources .label { color: #9198a1; }
.nightMode hr#answer, .night_mode hr#answer { border-top-color: #444c56; }
)";
}  // namespace

std::string_view front_template() { return k_front; }
std::string_view back_template() { return k_back; }
std::string_view card_css() { return k_css; }

nlohmann::json model_json(std::int64_t mod, std::int64_t deck_id) {
  nlohmann::json fields = nlohmann::json::array();
  for (std::size_t i = 0; i < k_field_names.size(); ++i)
    fields.push_back({{"name", k_field_names[i]}, {"ord", i}, {"font", "Liberation Sans"}, {"media", nlohmann::json::array()},
                      {"rtl", false}, {"size", 20}, {"sticky", false}});
  nlohmann::json templates = nlohmann::json::array();
  templates.push_back({{"name", k_template_name}, {"ord", 0}, {"qfmt", k_front}, {"afmt", k_back}, {"bqfmt", ""}, {"bafmt", ""},
                       {"did", nullptr}});
  return {
      {"id", k_model_id},
      {"name", k_note_type_name},
      {"type", 0},
      {"mod", mod},
      {"usn", -1},
      {"sortf", 0},
      {"did", deck_id},
      {"tmpls", templates},
      {"flds", fields},
      {"css", k_css},
      {"latexPre",
       "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n"
       "\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n"},
      {"latexPost", "\\end{document}"},
      {"tags", nlohmann::json::array()},
      {"vers", nlohmann::json::array()},
      // The front needs the Question field: template 0 requires field 0.
      {"req", nlohmann::json::array({nlohmann::json::array({0, "all", nlohmann::json::array({0})})})},
  };
}

bool same_templates(const nlohmann::json& stored_model) {
  if (!stored_model.is_object()) return false;
  auto css = stored_model.find("css");
  auto templates = stored_model.find("tmpls");
  if (css == stored_model.end() || !css->is_string() || *css != k_css) return false;
  if (templates == stored_model.end() || !templates->is_array() || templates->size() != 1) return false;
  const auto& only = (*templates)[0];
  return only.is_object() && only.value("qfmt", "") == k_front && only.value("afmt", "") == k_back &&
         only.value("name", "") == k_template_name;
}

}  // namespace qbank::exporters::anki
