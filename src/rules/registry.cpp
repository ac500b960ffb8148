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
         "pointed at directly, since YAML allows only spaces there.",
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
         "('...', 'TBD', '?'), TODO/TBD/FIXME in capitals, and phrases such as 'to be "
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
