// THE list of rule ids. Adding a rule: its .cpp, one entry here, one CMake line, and a
// tests/rules/<id>/ folder. Ids emitted by other stages have no check function here but are
// listed so `qbank rules` documents them and the config can set their severity.
#include <algorithm>
#include <array>

#include "dedup/rules.hpp"
#include "rules/checks.hpp"
#include "rules/rule.hpp"

namespace qbank::rules {

namespace {

constexpr auto E = Severity::error;
constexpr auto W = Severity::warning;

const std::array k_rules{
    // Emitted by the loader and the schema stage.
    Rule{"yaml-syntax", Stage::loader, E, "YAML that does not parse, including tabs used for indentation",
         "The file is not valid YAML. The position is the parser's; a tab in indentation is "
         "pointed at directly, since YAML allows only spaces there. The mistakes authors make are "
         "explained in words with the corrected line: ': ' inside a value, a value starting with "
         "'*', '&', '!', '`', '@' or '- ', and a quote that is never closed (which the parser would "
         "otherwise accept, swallowing the rest of the file): put such values in quotes.",
         nullptr},
    Rule{"invalid-utf8", Stage::loader, E, "bytes that are not UTF-8 (or a NUL byte)",
         "Question files must be UTF-8. The position is the first bad byte. A UTF-8 byte order "
         "mark and CRLF line ends are accepted.",
         nullptr},
    Rule{"empty-file", Stage::loader, E, "a YAML file with no content",
         "An empty file (or one with only comments) in a bank folder is usually a mistake; a "
         "section file needs 'section' and 'questions'.",
         nullptr},
    Rule{"input-limit", Stage::loader, E, "a file over a size, nesting or alias-expansion limit",
         "Protects CI from hostile or broken input: files over limits.max-file-size (default "
         "16 MiB), nesting deeper than limits.max-depth (default 64), and alias bombs (aliases "
         "that expand a small file into millions of nodes).",
         nullptr},
    Rule{"duplicate-key", Stage::loader, E, "the same key twice in one mapping",
         "YAML parsers silently keep only one of two equal keys, so content disappears. "
         "qbank keeps the first and reports the second.",
         nullptr},
    Rule{"schema", Stage::schema, E, "a violation of the bank or section JSON Schema (schemas/)",
         "Every violation in a file is reported at the offending value: missing required "
         "fields, unknown fields (with a did-you-mean), wrong types, ids and tags that are not "
         "kebab-case, unknown difficulty values, URLs that are not http(s).",
         nullptr},
    // Rules over the loaded bank.
    Rule{"duplicate-id", Stage::rule, E, "two questions with the same id in one bank",
         "Ids must be unique in the whole bank: Anki note GUIDs derive from them, so the second "
         "question would overwrite the first on import.",
         check_duplicate_id},
    Rule{"empty-question", Stage::rule, E, "a question whose text is empty or only white space",
         "A card with an empty front teaches nothing.", check_empty_question},
    Rule{"empty-answer", Stage::rule, E, "a question whose answer is empty or only white space",
         "A card with an empty back teaches nothing. Write the answer, or leave the question "
         "out until it has one.",
         check_empty_answer},
    Rule{"placeholder-text", Stage::rule, E, "stub text such as TODO, TBD, a lone '...' or 'to be continued'",
         "Placeholders pass the schema and then show up on flashcards. Flags whole-text stubs "
         "('...', 'TBD', '?', 'Answer here'), TODO/TBD/FIXME in capitals, and phrases such as 'to be "
         "continued', 'coming soon', 'lorem ipsum', '(continuation of'.",
         check_placeholder_text},
    Rule{"citation-artifact", Stage::rule, E, "chat-assistant citation markers such as 'citeturn0search2'",
         "Text pasted from a chat assistant keeps its citation markers, wrapped in invisible "
         "private-use characters (U+E200...). Editors hide them; cards show them.",
         check_citation_artifact},
    Rule{"resource-title-mismatch", Stage::rule, W, "a link titled 'owner/repo' that goes to another repository or site",
         "A resource whose title reads like a GitHub repository ('owner/repo') must link to that "
         "repository. Copy-pasted link lists drift: the seed document titles Chip Huyen's book on "
         "huyenchip.com 'chip-huyen/ml-interviews-book', and github.com/dipanjanS/... "
         "'data-science-interviews/algorithms'.",
         check_resource_title_mismatch},
    Rule{"markdown-limit", Stage::rule, E, "Markdown too long or too deeply nested to render safely",
         "A question, answer or description over 32 KiB, nested more than 32 levels deep (list "
         "items, block quotes, indentation) or with more than 256 '|' on one line. cmark-gfm, "
         "which renders the cards, takes time that grows with the square of such input (70 KB "
         "of nested list markers took 21 s), so qbank never hands it such a field: an export "
         "with --force shows it as plain text, and links inside it are not checked.",
         check_markdown_limit},
    Rule{"control-character", Stage::rule, E, "a control character (other than tab and newline) in text",
         "C0 control characters are invisible in editors and reviews and do damage in the "
         "outputs: 0x1F separates an Anki note's fields, so a question holding one gets its "
         "text split into the answer. They get in through YAML escapes (\"\\x1f\") or pasted "
         "text. The exporters drop them.",
         check_control_character},
    Rule{"anki-syntax", Stage::rule, W, "Anki syntax such as {{Field}}, [sound:...], [latex], or a MathJax \\href",
         "Anki interprets its own syntax in card text: `{{...}}` (templates, cloze), "
         "`[sound:file]` (plays a file, any file with ../ in it), `[latex]...[/latex]`, `[$]`, "
         "`[$$]` (runs LaTeX), `[anki:tts]`; and MathJax's `\\href`, `\\style`, `\\class`, "
         "`\\cssId`, `\\data` make live links and styles. The Anki exports neutralise all of "
         "them (the card shows the text as written); lint reports them so that the author knows.",
         check_anki_syntax},
    Rule{"truncated-by-comment", Stage::rule, W, "an unquoted question or answer cut short by ' #' (a YAML comment)",
         "In a plain (unquoted) YAML value, ' #' starts a comment: `question: What does # mean in "
         "Python?` is read, checked and exported as \"What does\". Reported when a single space "
         "comes before the '#' (a comment meant as one has two, as yamllint expects); the hint is "
         "the line with the whole text quoted.",
         check_truncated_by_comment},
    Rule{"raw-html", Stage::rule, W, "HTML in question or answer Markdown, which Anki cards drop",
         "Cards render Markdown in safe mode, because Anki runs scripts in cards: every HTML tag "
         "is dropped. `<script>alert(1)</script>` leaves a stray 'alert(1)' on the card, "
         "`<b>x</b>` loses its markup. Write it in Markdown, or in backticks to show it as code.",
         check_raw_html},
    Rule{"unsafe-link", Stage::rule, E, "a javascript:, vbscript:, file: or data: link in question or answer Markdown",
         "Such links run code or open local files in other renderers; the cards remove them and "
         "leave an empty link. data: images (png, gif, jpeg, webp) are fine.",
         check_unsafe_link},
    Rule{"heading-in-answer", Stage::rule, W, "a Markdown heading inside a question or an answer",
         "`# Title`, or a line of === or --- under text (the usual accident: it makes the line "
         "above a heading). The Markdown export gives sections and questions the heading levels; "
         "a heading inside an answer breaks that outline, and on a card it is oversized text. "
         "Use **bold** instead.",
         check_heading_in_answer},
    Rule{"missing-image", Stage::rule, W, "a local image the Anki package cannot include",
         "`![ROC](images/roc.png)` is packaged as Anki media when the file exists, relative to the "
         "YAML file, inside the bank folder. Reported when it is missing, not a file, or outside "
         "the bank folder (never packaged: a bank must not be able to ship other files), or over "
         "64 MiB. Remote "
         "(https) images are not checked here; `qbank links` checks them.",
         check_missing_image},
    Rule{"missing-bank-yaml", Stage::rule, W, "a bank folder without bank.yaml",
         "Without bank.yaml the deck name comes from the folder's name, and every Anki note GUID "
         "derives from the deck name: renaming the folder would make every card new and orphan "
         "its review history. Add bank.yaml with 'title' and 'deck'. Loose files are not a bank "
         "folder and are not reported.",
         check_missing_bank_yaml},
    Rule{"invalid-suppression", Stage::rule, W, "a '# qbank: disable=' comment naming an unknown rule",
         "`# qbank: disable=placeholder-text` on a question's lines (or on a line of its own right "
         "above the question) silences that rule for that question. A rule id that does not "
         "exist silences nothing, so it is reported, with a did-you-mean.",
         nullptr},
    // Duplicate finder (qbank dedup; also part of qbank lint).
    Rule{"duplicate-question", Stage::dedup, E, "the same question asked twice (after normalisation)",
         "Two questions whose text is equal after Unicode NFKC and case folding, with every "
         "character that is not a letter or digit read as a space and runs of spaces folded: "
         "'What is AUC - ROC?' = 'what is auc-roc', 'Random Forest' = 'random forest'; a word "
         "more or less ('the silhouette score') makes it a near-duplicate instead. Pairs inside a "
         "repeated block are reported once by repeated-section. Acknowledge a pair judged "
         "distinct with `distinct-from: [id]` on either question.",
         nullptr},
    Rule{"near-duplicate-question", Stage::dedup, W, "the same question in other words",
         "Questions that ask the same thing in other words: word order, articles, a frame "
         "('What is' / 'Explain' / 'Can you describe how ... works'), inflections and spelling "
         "('differ' / 'difference', 'optimiser' / 'optimizer', 'trade-off' / 'tradeoff', 'Type I' / "
         "'type 1'), an acronym the bank spells out somewhere ('SVM' / 'support vector machine'), a "
         "synonym an answer states ('step size, also called the learning rate'), or a follow-up "
         "question added ('What is dropout? How does it work?'). The question decides: its subject "
         "words weigh by rarity in the bank, so an added or changed subject word keeps two questions "
         "apart ('stochastic gradient descent' / 'gradient descent', 'L1' / 'L2'), while follow-ups "
         "and generic nouns ('model', 'network') weigh little. Answers never lower a score; a "
         "copied answer raises a borderline pair. Every finding shows the score and the words that "
         "differ. Acknowledge a pair judged distinct with `distinct-from: [id]` on either question. "
         "Option: threshold (0-1, default 0.7; `qbank dedup --threshold` overrides it).",
         nullptr},
    Rule{"repeated-section", Stage::dedup, E, "a run of consecutive questions that repeats another run",
         "A copy-pasted block (consecutive questions of one file that duplicate, exactly or "
         "nearly, consecutive questions elsewhere) is reported once, with both line ranges and "
         "the count, instead of one finding per pair. Option: min-run (at least 2, default 3). "
         "Switched off, the pairs of a copied block are reported one by one instead.",
         nullptr},
    Rule{"duplicate-resource", Stage::dedup, W, "the same URL twice in one resource list",
         "The same URL twice in one question's resources or in bank.yaml's, compared after "
         "normalisation: scheme and host case, default port, trailing slash, 'www.', fragment. "
         "The same link under two questions is fine.",
         dedup::check_duplicate_resource},
    // Link checker (qbank links).
    Rule{"dead-link", Stage::links, E, "a resource URL that is gone (404/410) or unreachable",
         "Reported by `qbank links`, which checks every URL once with retries, so a flaky "
         "server does not produce a dead verdict.",
         nullptr},
    Rule{"redirected-link", Stage::links, W, "a URL that redirects permanently (301/308) elsewhere",
         "Reported by `qbank links` at every reference, with the final URL to put in its "
         "place: permanent redirects rot first and cost a request on every check.",
         nullptr},
    Rule{"unreachable-link", Stage::links, W, "a URL that could not be checked (DNS, TLS, timeout, 5xx, 401/403)",
         "Reported by `qbank links` after its retries: the server did not give a clear answer, "
         "which is not proof the page is gone. `--fail-on error` makes these fail the run.",
         nullptr},
    Rule{"blocked-link", Stage::links, W, "a URL the link checker refused to request",
         "Reported by `qbank links` for schemes other than http/https and for hosts that "
         "resolve to private, loopback, link-local or multicast addresses (also after a "
         "redirect), unless --allow-private is given.",
         nullptr},
};

}  // namespace

std::string_view to_string(Stage stage) {
  switch (stage) {
    case Stage::loader: return "loader";
    case Stage::schema: return "schema";
    case Stage::rule: return "rule";
    case Stage::dedup: return "dedup";
    case Stage::links: return "links";
  }
  return "rule";
}

std::span<const Rule> all_rules() { return k_rules; }

const Rule* find_rule(std::string_view id) {
  auto it = std::find_if(k_rules.begin(), k_rules.end(), [&](const Rule& rule) { return rule.id == id; });
  return it == k_rules.end() ? nullptr : &*it;
}

}  // namespace qbank::rules
