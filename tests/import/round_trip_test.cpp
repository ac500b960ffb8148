// Round trip: `qbank export markdown` of a bank, imported back, gives the same sections,
// questions (with their ids, from the export's anchors), answers, tags, difficulty and
// resources. Over the bundled bank and over seeded random banks whose questions end in ? . : !
// and whose answers use paragraphs, lists, code, tables, emphasis and links. Markdown is
// compared by what it renders to (the exporter reflows lines and adds escapes that render the
// same).
#include <catch2/catch.hpp>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "bank/loader.hpp"
#include "import_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank;
using namespace qbank::test;

namespace {

std::string rendered(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "strikethrough", "autolink"})
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  // The exporter gives every fence a language (markdownlint wants one); whitespace is layout.
  for (auto at = out.find(" class=\"language-text\""); at != std::string::npos; at = out.find(" class=\"language-text\""))
    out.erase(at, 22);
  std::string collapsed;
  for (char c : out) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

std::string resources_text(const std::vector<bank::Resource>& resources) {
  std::string out;
  for (const auto& r : resources) out += r.url + " | " + r.title + " | " + rendered(r.description) + "\n";
  return out;
}

// Everything the round trip keeps, one line per field.
std::string summary(const bank::Bank& bank) {
  std::string out = "title: " + bank.info.title + "\ndescription: " + rendered(bank.info.description) + "\n" +
                    resources_text(bank.info.resources);
  for (const auto& section : bank.sections) {
    out += "## " + section.name + "\n";
    for (const auto& q : section.questions) {
      out += "Q " + q.id + ": " + rendered(q.question) + "\nA " + rendered(q.answer) + "\nD " + q.difficulty + "\nT ";
      for (const auto& tag : q.tags) out += tag + ",";
      out += "\n" + resources_text(q.resources);
    }
  }
  return out;
}

bank::Bank load(const std::filesystem::path& folder) {
  auto loaded = bank::load_bank(folder, {});
  for (const auto& d : loaded.diagnostics) INFO(d.where.file << ":" << d.where.line << " " << d.message);
  return std::move(loaded.bank);
}

// The shape `qbank export markdown` had before each question became its heading: "### <id>",
// the question's text, "**Answer:**" (no anchor), made from today's, whose "<a id>" anchor is
// followed by "### <the question's first paragraph>".
std::string older_export_shape(const std::string& markdown) {
  std::string out, id;
  std::istringstream in(markdown);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("<a id=\"") && line.ends_with("\"></a>")) {
      id = line.substr(7, line.size() - 13);
      std::getline(in, line);  // the blank line after it
      continue;
    }
    if (line == "<!-- markdownlint-disable MD026 -->") {
      std::getline(in, line);
      continue;
    }
    if (!id.empty() && line.starts_with("### ")) {
      out += "### " + id + "\n\n" + line.substr(4) + "\n";
      id.clear();
      continue;
    }
    out += line + "\n";
  }
  return out;
}

void check_round_trip(const std::filesystem::path& bank_folder, const TempDir& dir, bool older_shape = false) {
  auto md = dir.path() / "bank.md";
  auto exported = run_qbank({"export", "markdown", bank_folder.string(), "-o", md.string(), "--force"}, {},
                            {{"SOURCE_DATE_EPOCH", "1700000000"}});
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  if (older_shape) {
    std::string changed = older_export_shape(read_text(md));
    INFO(changed);
    CHECK(changed.find("<a id=") == std::string::npos);
    dir.write(md.filename(), changed);
  }
  auto imported_folder = dir.path() / "imported";
  auto imported = import_markdown({md.string()}, imported_folder, {"--force"});
  INFO(imported.out << imported.err);
  REQUIRE(imported.exit_code != 2);
  CHECK(summary(load(imported_folder)) == summary(load(bank_folder)));
}

// SplitMix64, so a seed gives the same bank on every platform.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T> const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }
};

const std::vector<std::string> k_words{"gradient", "tensor", "kernel", "margin", "entropy", "dropout", "résumé", "bias",
                                       "variance", "loss",   "batch",  "epoch",  "layer",   "weight",  "naïve",  "model"};

std::string words(Random& random, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? " " : "") + random.pick(k_words);
  return out;
}

std::string answer(Random& random) {
  std::string out;
  std::size_t blocks = 1 + random.below(3);
  for (std::size_t b = 0; b < blocks; ++b) {
    if (b) out += "\n\n";
    switch (random.below(6)) {
      case 0: out += "- " + words(random, 3) + "\n- " + words(random, 4) + "\n- **" + words(random, 2) + "**"; break;
      case 1: out += "1. " + words(random, 3) + "\n2. " + words(random, 2); break;
      case 2: out += "```python\nx = " + std::to_string(random.below(100)) + "\n```"; break;
      case 3: out += "| a | b |\n|---|---|\n| " + words(random, 1) + " | " + words(random, 1) + " |"; break;
      case 4: out += "See [" + words(random, 2) + "](https://example.com/" + std::to_string(random.below(50)) + ") and `code`."; break;
      default: out += words(random, 5 + random.below(30)) + "."; break;
    }
  }
  return out;
}

std::string quoted(const std::string& text) { return nlohmann::json(text).dump(); }

std::string resources_yaml(Random& random, const std::string& indent) {
  std::string out = indent + "resources:\n";
  std::size_t n = 1 + random.below(3);
  for (std::size_t i = 0; i < n; ++i) {
    out += indent + "  - url: https://example.org/" + std::to_string(random.next() % 100000) + "\n";
    if (random.below(3)) out += indent + "    title: " + quoted(words(random, 2)) + "\n";
    if (random.below(2)) out += indent + "    description: " + quoted(words(random, 6) + ".") + "\n";
  }
  return out;
}

void write_random_bank(const TempDir& dir, const std::filesystem::path& folder, std::uint64_t seed) {
  Random random{seed};
  std::string top = "title: " + quoted("Bank " + std::to_string(seed)) + "\ndeck: " + quoted("Deck " + std::to_string(seed)) + "\n";
  if (random.below(2)) top += "description: " + quoted(words(random, 12) + ".") + "\n";
  if (random.below(2)) top += resources_yaml(random, "");
  dir.write(folder / "bank.yaml", top);
  std::size_t sections = 1 + random.below(4), id = 0;
  for (std::size_t s = 0; s < sections; ++s) {
    std::string text = "section: " + quoted("Section " + words(random, 2)) + "\nquestions:\n";
    std::size_t questions = 1 + random.below(6);
    for (std::size_t q = 0; q < questions; ++q) {
      text += "  - id: q-" + std::to_string(++id) + "\n";
      // Headings keep a final . : ! (the export turns markdownlint's MD026 off for them).
      static const std::vector<std::pair<std::string, std::string>> forms{
          {"What is the ", "?"}, {"Explain the ", "."}, {"Name three uses of the ", ":"}, {"Never confuse the ", "!"}};
      const auto& [stem, end] = forms[id % forms.size()];
      text += "    question: " + quoted(stem + words(random, 2 + random.below(8)) + end) + "\n";
      text += "    answer: " + quoted(answer(random)) + "\n";
      static const std::vector<std::string> difficulties{"", "basic", "intermediate", "advanced"};
      if (const auto& d = random.pick(difficulties); !d.empty()) text += "    difficulty: " + d + "\n";
      if (random.below(2)) text += "    tags: [t" + std::to_string(random.below(5)) + ", topic-" + std::to_string(random.below(5) + 5) + "]\n";
      if (random.below(3) == 0) text += resources_yaml(random, "    ");
    }
    dir.write(folder / ("section-" + std::to_string(s) + ".yaml"), text);
  }
}

}  // namespace

TEST_CASE("import: the bundled bank survives export markdown and import") {
  TempDir dir;
  check_round_trip(source_dir() / "questions", dir);
}

TEST_CASE("import: generated banks survive export markdown and import") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    INFO("seed " << seed);
    TempDir dir;
    write_random_bank(dir, "bank", seed);
    check_round_trip(dir.path() / "bank", dir);
  }
}

TEST_CASE("import: an older export markdown (### id, then the question's text) comes back with its ids too") {
  TempDir bundled;
  check_round_trip(source_dir() / "questions", bundled, true);
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    INFO("seed " << seed);
    TempDir dir;
    write_random_bank(dir, "bank", seed);
    check_round_trip(dir.path() / "bank", dir, true);
  }
}
