// The exporters' building blocks: SHA-1, ids, HTML rendering and stripping, Markdown helpers,
// the text exporters' output file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/error.hpp"
#include "exporters/anki/html.hpp"
#include "core/untrusted_text.hpp"
#include "exporters/anki/ids.hpp"
#include "exporters/anki/sha1.hpp"
#include "exporters/exporter.hpp"
#include "exporters/markdown_text.hpp"
#include "exporters/text_file.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::exporters;

TEST_CASE("sha1 matches the FIPS 180 test vectors") {
  CHECK(anki::sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(anki::sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(anki::sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(anki::sha1_hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("csum is the first 32 bits of SHA-1 of the stripped field") {
  CHECK(anki::field_checksum("abc") == 0xa9993e36);
}

TEST_CASE("note GUIDs depend on the bank and the question id only") {
  CHECK(anki::note_guid("Deck", "pca") == anki::note_guid("Deck", "pca"));
  CHECK(anki::note_guid("Deck", "pca") != anki::note_guid("Deck", "lda"));
  CHECK(anki::note_guid("Deck", "pca") != anki::note_guid("Other", "pca"));
  CHECK(anki::note_guid("Deck", "pca").size() <= 10);
  for (auto id : {anki::deck_id("Deck"), anki::note_id("x"), anki::card_id("x")}) {
    CHECK(id > 1);
    CHECK(id < (std::int64_t{1} << 53));
  }
}

TEST_CASE("markdown_to_html is safe and leaves math alone") {
  CHECK(anki::markdown_to_html("a <script>x</script> b") == "<p>a <!-- raw HTML omitted -->x<!-- raw HTML omitted --> b</p>");
  CHECK(anki::markdown_to_html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>");
  CHECK(anki::markdown_to_html("\\(a_1 < b_2\\) and *em*") == "<p>\\(a_1 &lt; b_2\\) and <em>em</em></p>");
  CHECK(anki::markdown_to_html("escaped \\\\(not math") == "<p>escaped \\(not math</p>");
  CHECK(anki::markdown_to_html("unclosed \\( stays") == "<p>unclosed ( stays</p>");
  CHECK(anki::markdown_to_html("~~x~~") == "<p><del>x</del></p>");
}

TEST_CASE("strip_html drops tags, style and script, and decodes entities") {
  CHECK(anki::strip_html("<p>a &amp; b</p><style>p{}</style><!-- c --> &lt;d&gt;") == "a & b <d>");
}

TEST_CASE("resources_html links only http(s) and mailto URLs and escapes titles") {
  std::vector<qbank::bank::Resource> resources(2);
  resources[0].url = "https://example.com/?a=1&b=2";
  resources[0].title = "A <b> title";
  resources[1].url = "javascript:alert(1)";
  CHECK(anki::resources_html(resources) ==
        "<ul class=\"resources\"><li><a href=\"https://example.com/?a=1&amp;b=2\">A &lt;b&gt; title</a></li></ul>");
}

TEST_CASE("markdown anchors follow GitHub's slugs, numbering repeats") {
  markdown::Anchors anchors;
  CHECK(anchors.add("System Design & ML Pipelines!") == "system-design--ml-pipelines");
  CHECK(anchors.add("Basics") == "basics");
  CHECK(anchors.add("basics") == "basics-1");
}

TEST_CASE("reflow wraps at 80 columns without starting a block by accident") {
  std::string words;
  for (int i = 0; i < 30; ++i) words += "word ";
  words += "- not a list";
  std::string out = markdown::reflow(words);
  for (std::size_t at = 0, end; at < out.size(); at = end + 1) {
    end = out.find('\n', at);
    if (end == std::string::npos) end = out.size();
    CHECK(end - at <= 80);
    CHECK(out[at] != '-');
  }
  CHECK(markdown::reflow("* item") == "- item");
  CHECK(markdown::reflow("```\ncode   stays\n```") == "```text\ncode   stays\n```");
  CHECK(markdown::reflow("see https://example.com.") == "see <https://example.com>.");
  CHECK(markdown::reflow("`https://in.code` <b>") == "`https://in.code` \\<b>");
}

TEST_CASE("the registry lists every format once") {
  std::vector<std::string> names;
  for (const auto& exporter : all_exporters()) names.emplace_back(exporter.name);
  CHECK(names == std::vector<std::string>{"anki", "anki-text", "csv", "markdown"});
  CHECK(find_exporter("csv") != nullptr);
  CHECK(find_exporter("pdf") == nullptr);
}

TEST_CASE("TextFile: written as it goes, and a failed write is an error when it closes") {
  qbank::test::TempDir dir;
  {
    qbank::exporters::TextFile file(dir.path() / "out.txt");
    file.write("one\n");
    file.write(std::string(3 << 20, 'x'));  // past any stream buffer
    file.close();
  }
  std::ifstream in(dir.path() / "out.txt", std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content.size() == 4 + (3u << 20));
  CHECK(content.substr(0, 4) == "one\n");

  CHECK_THROWS_AS(qbank::exporters::TextFile(dir.path() / "missing" / "out.txt"), qbank::Error);
  if (std::filesystem::exists("/dev/full")) {  // every write to it fails: "no space left"
    qbank::exporters::TextFile full("/dev/full");
    // The write that fills the buffer or the close fails, naming the file and the cause.
    CHECK_THROWS_WITH((full.write(std::string(1 << 20, 'x')), full.close()),
                      "cannot write '/dev/full': No space left on device");
  }
}

TEST_CASE("ids that meet in the past window move to the next free millisecond, deterministically") {
  using anki::k_past_window_end;
  using anki::k_past_window_start;
  std::vector<std::int64_t> ids{k_past_window_start + 5, k_past_window_start + 5, k_past_window_start + 6,
                                k_past_window_end - 1, k_past_window_end - 1, k_past_window_start + 5};
  auto first = ids;
  anki::make_ids_unique(first);
  // In order of (id, position): 5, 5, 5, 6 become 5, 6, 7, 8; the second end-1 has nowhere
  // to go up and takes the window's first free id.
  CHECK(first == std::vector<std::int64_t>{k_past_window_start + 5, k_past_window_start + 6, k_past_window_start + 8,
                                           k_past_window_end - 1, k_past_window_start, k_past_window_start + 7});
  auto second = ids;
  anki::make_ids_unique(second);
  CHECK(second == first);
  for (auto id : {anki::note_id("x"), anki::card_id("x")}) {
    CHECK(id >= k_past_window_start);
    CHECK(id < k_past_window_end);
  }
}

TEST_CASE("Anki syntax is neutralised where Anki would read it, and only there") {
  using qbank::untrusted::neutralise_anki_syntax;
  CHECK(neutralise_anki_syntax("<p>{{c1::x}} [SOUND:a.mp3] [$$]x[/$$]</p>") ==
        "<p>&#123;{c1::x}} &#91;SOUND:a.mp3] &#91;$$]x&#91;/$$]</p>");
  CHECK(neutralise_anki_syntax("\\(\\href{javascript:x}{y} \\hrefx \\style{a}\\)") ==
        "\\(\\&#8203;href{javascript:x}{y} \\hrefx \\&#8203;style{a}\\)");
  CHECK(neutralise_anki_syntax("<p>{a} [sound] \\frac{1}{2}</p>") == "<p>{a} [sound] \\frac{1}{2}</p>");
}
