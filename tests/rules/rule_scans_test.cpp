// The text scans behind placeholder-text and citation-artifact, probed directly: what they
// must find, and the look-alikes they must leave alone.
#include <catch2/catch.hpp>

#include "rules/citation_scan.hpp"
#include "rules/placeholder_scan.hpp"

using qbank::rules::find_citation_artifact;
using qbank::rules::find_placeholder;

TEST_CASE("placeholders are found") {
  CHECK(find_placeholder("...") == "...");
  CHECK(find_placeholder("  \xE2\x80\xA6 ") == "\xE2\x80\xA6");
  CHECK(find_placeholder("TBD") == "TBD");
  CHECK(find_placeholder("tbd") == "tbd");
  CHECK(find_placeholder("Gradient descent.\nTODO: add the maths") == "TODO");
  CHECK(find_placeholder("Explained later (FIXME)") == "FIXME");
  CHECK(find_placeholder("- first point\n...\n") == "...");
  CHECK(find_placeholder("To be continued.") == "To be continued");
  CHECK(find_placeholder("(Continuation of questions from 41-100 will follow.)") == "(Continuation of");
  CHECK(find_placeholder("Lorem ipsum dolor sit amet") == "Lorem ipsum");
  CHECK(find_placeholder("Bias is tricky. COMING SOON") == "COMING SOON");
  CHECK(find_placeholder("a phrase at the very end: fill this in") == "fill this in");
  // Of two phrases, the first in the list wins (stable messages), wherever it is in the text.
  CHECK(find_placeholder("Coming soon; to be continued") == "to be continued");
  CHECK(find_placeholder("insert answer, then Insert Answer") == "insert answer");
  CHECK(find_placeholder("N/A") == "N/A");
}

TEST_CASE("ordinary text is not a placeholder") {
  CHECK_FALSE(find_placeholder("Precision = TP / (TP + FP)"));
  CHECK_FALSE(find_placeholder("Write a todo list app with TODOS"));  // not the marker as a word
  CHECK_FALSE(find_placeholder("Values range over 1, 2, ..., n."));  // an ellipsis inside a sentence
  CHECK_FALSE(find_placeholder("The continuation of training after a checkpoint."));
  CHECK_FALSE(find_placeholder(""));
}

TEST_CASE("chat citation markers are found, with or without their private-use wrappers") {
  CHECK(find_citation_artifact("https://github.com/ageron/handson-ml3 \xEE\x88\x80" "cite\xEE\x88\x82" "turn0search2\xEE\x88\x81") ==
        "\\uE200cite\\uE202turn0search2\\uE201");
  CHECK(find_citation_artifact("see citeturn1search0 for more") == "citeturn1search0");
  CHECK(find_citation_artifact("as shown turn12news3.") == "turn12news3");
  CHECK(find_citation_artifact("a lone private-use character \xEE\x80\x80 here") == "\\uE000");
}

TEST_CASE("words that merely contain 'cite' or 'turn' are not citation markers") {
  CHECK_FALSE(find_citation_artifact("We cite the paper in turn."));
  CHECK_FALSE(find_citation_artifact("return0value is not a marker"));
  CHECK_FALSE(find_citation_artifact("Excited about turnover"));
}

TEST_CASE("lint --fix removes citation markers and the space before them, and nothing else") {
  using qbank::rules::remove_citation_artifacts;
  std::string yaml = "  - url: \"https://github.com/ageron/handson-ml3 \xEE\x88\x80" "cite\xEE\x88\x82" "turn0search2\xEE\x88\x81\"\n"
                     "    title: fastai citeturn2search0 course\n"
                     "    description: We cite papers in turn.\n";
  CHECK(remove_citation_artifacts(yaml) == 2);
  CHECK(yaml == "  - url: \"https://github.com/ageron/handson-ml3\"\n"
                "    title: fastai course\n"
                "    description: We cite papers in turn.\n");
  std::string clean = "nothing to do";
  CHECK(remove_citation_artifacts(clean) == 0);
  CHECK(clean == "nothing to do");
}
