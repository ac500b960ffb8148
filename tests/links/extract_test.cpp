// URL extraction: Markdown links found by cmark-gfm, resources, dedupe with all references.
#include <catch2/catch.hpp>

#include "links/extract.hpp"

using namespace qbank::links;
using Catch::Matchers::Equals;

TEST_CASE("Markdown links, images and autolinks are found but relative and mailto links are not", "[links][extract]") {
  auto urls = markdown_urls(
      "See [the paper](https://arxiv.org/abs/1706.03762 \"title\") and ![fig](https://example.org/f.png).\n\n"
      "Bare https://example.org/bare, angle <https://example.org/angle>, www.example.net/w.\n\n"
      "[relative](notes.md) [anchor](#x) mail me@example.org <mailto:a@b.org> `https://in.code/span`\n\n"
      "    https://in.code/block\n");
  CHECK_THAT(urls, Equals(std::vector<std::string>{"https://arxiv.org/abs/1706.03762", "https://example.org/f.png",
                                                   "https://example.org/bare", "https://example.org/angle",
                                                   "http://www.example.net/w"}));
}

TEST_CASE("text without links yields nothing", "[links][extract]") {
  CHECK(markdown_urls("").empty());
  CHECK(markdown_urls("Overfitting: high variance, low bias.").empty());
  CHECK(markdown_urls("a [not a link] here").empty());
}

TEST_CASE("extract_links dedupes URLs and keeps every reference, sorted", "[links][extract]") {
  qbank::bank::Bank bank;
  bank.info.file = "bank.yaml";
  bank.info.resources.push_back({"https://b.org/", "", "", "", {"bank.yaml", 5, 9}});
  qbank::bank::Section section;
  section.file = "s.yaml";
  qbank::bank::Question q;
  q.id = "q";
  q.question = "Read [this](https://a.org/x).";
  q.question_at = {"s.yaml", 4, 15};
  q.answer = "Also https://b.org/ and https://a.org/x";
  q.answer_at = {"s.yaml", 5, 13};
  q.resources.push_back({"https://a.org/x", "", "", "", {"s.yaml", 9, 9}});
  section.questions.push_back(q);
  bank.sections.push_back(section);

  auto links = extract_links({&bank});
  REQUIRE(links.size() == 2);
  CHECK(links[0].url == "https://a.org/x");
  REQUIRE(links[0].references.size() == 3);
  CHECK(links[0].references[0] == qbank::SourceLocation{"s.yaml", 4, 15});
  CHECK(links[0].references[1] == qbank::SourceLocation{"s.yaml", 5, 13});
  CHECK(links[0].references[2] == qbank::SourceLocation{"s.yaml", 9, 9});
  CHECK(links[1].url == "https://b.org/");
  REQUIRE(links[1].references.size() == 2);
  CHECK(links[1].references[0].file == "bank.yaml");
}
