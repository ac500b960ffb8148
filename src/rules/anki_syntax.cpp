// anki-syntax: text that Anki would read as its own syntax if qbank passed it through:
// `{{Field}}` and `{{c1::…}}` (templates and cloze), `[sound:…]` (plays a file: with
// `../../` in it, any file), `[latex]…[/latex]`, `[$]`, `[$$]` (runs LaTeX), `[anki:tts]`,
// and MathJax commands that make live links or styles in a card (`\href{javascript:…}`,
// `\style{…url(…)}`, `\class`, `\cssId`, `\data`). The Anki exporters neutralise all of
// them (the card shows the text as written); this rule tells the author, since the text
// probably meant something else, or was put there to attack the cards.
#include <fmt/format.h>

#include "core/untrusted_text.hpp"
#include "rules/checks.hpp"
#include "rules/text_fields.hpp"

namespace qbank::rules {

void check_anki_syntax(const bank::Bank& bank, RuleContext& context) {
  for_each_text_field(bank, [&](const TextField& field) {
    auto found = untrusted::find_anki_syntax(field.text);
    if (!found) return;
    if (found->mathjax)
      context.report(field.where,
                     fmt::format("{}: MathJax command '{}' in the {}: it would make a live link or style in Anki's cards",
                                 field.owner(), found->construct, field.name),
                     "remove it; the Anki export shows it as plain text");
    else
      context.report(field.where,
                     fmt::format("{}: '{}' in the {} is Anki syntax: Anki would interpret it in a card", field.owner(),
                                 found->construct, field.name),
                     "rephrase it unless it is meant for Anki; the Anki export shows it as plain text");
  });
}

}  // namespace qbank::rules
