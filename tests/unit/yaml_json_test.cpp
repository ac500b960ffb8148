// The YAML tree qbank builds from yaml-cpp's events, and its conversion to JSON. The typing
// follows the YAML 1.2 core schema, so the schema sees what YAML means: `true`, `12`, `null`
// are not strings; quoted and block scalars are.
#include <catch2/catch.hpp>
#include <yaml-cpp/exceptions.h>

#include "bank/yaml_json.hpp"

using qbank::bank::YamlDocument;
using qbank::bank::yaml_to_json;

namespace {
nlohmann::json convert(const std::string& yaml) {
  auto document = YamlDocument::parse(yaml);
  return yaml_to_json(document.root(), "f.yaml", {}).value;
}
}  // namespace

TEST_CASE("plain scalars are typed by the core schema") {
  auto v = convert("a: true\nb: 12\nc: null\nd: ~\ne: 1.5\nf: -3\ng: 0x1F\nh: .inf\ni: text\nj: 1e3\nk: False\nl:\n");
  CHECK(v["a"] == true);
  CHECK(v["b"] == 12);
  CHECK(v["c"].is_null());
  CHECK(v["d"].is_null());
  CHECK(v["e"] == 1.5);
  CHECK(v["f"] == -3);
  CHECK(v["g"] == 31);
  CHECK(v["h"].is_number_float());
  CHECK(v["i"] == "text");
  CHECK(v["j"] == 1000.0);
  CHECK(v["k"] == false);
  CHECK(v["l"].is_null());
}

TEST_CASE("quoted, block and explicitly tagged scalars stay strings") {
  auto v = convert("a: 'true'\nb: \"12\"\nc: |\n  null\nd: !!str 5\ne: yes\nf: 1.2.3\n");
  CHECK(v["a"] == "true");
  CHECK(v["b"] == "12");
  CHECK(v["c"] == "null\n");
  CHECK(v["d"] == "5");
  CHECK(v["e"] == "yes");  // YAML 1.1's yes/no booleans are strings in 1.2's core schema
  CHECK(v["f"] == "1.2.3");
}

TEST_CASE("the tree keeps order, marks and every pair of a mapping") {
  auto document = YamlDocument::parse("b: 1\na:\n  - x\n  - {k: v}\nb: 2\n");
  REQUIRE(document.document_count() == 1);
  auto root = document.root();
  REQUIRE(root.is_mapping());
  REQUIRE(root.size() == 3);  // the duplicate 'b' is kept, for duplicate-key to report
  CHECK(root.key(0).scalar() == "b");
  CHECK(root.key(1).scalar() == "a");
  CHECK(root.key(2).scalar() == "b");
  CHECK(root["b"].scalar() == "1");  // lookups take the first, as the conversion does
  CHECK(root.key_of("b").mark().line == 0);
  auto list = root["a"];
  REQUIRE(list.is_sequence());
  REQUIRE(list.size() == 2);
  CHECK(list.item(0).scalar() == "x");
  CHECK(list.item(0).mark().line == 2);
  CHECK(list.item(0).mark().column == 4);
  CHECK(list.item(1)["k"].scalar() == "v");
  CHECK(list.item(1).mark().line == 3);
  CHECK_FALSE(root["missing"].present());
  CHECK_FALSE(list["k"].present());  // a sequence has no keys
  CHECK_FALSE(list.item(5).present());
  CHECK(root.item(0).present() == false);  // a mapping has no items
}

TEST_CASE("the conversion reports a duplicate key once, pointing at both") {
  auto document = YamlDocument::parse("id: a\nanswer: x\nid: b\n");
  auto conversion = yaml_to_json(document.root(), "f.yaml", {});
  CHECK(conversion.value["id"] == "a");
  REQUIRE(conversion.diagnostics.size() == 1);
  CHECK(conversion.diagnostics[0].rule == "duplicate-key");
  CHECK(conversion.diagnostics[0].where.line == 3);
  REQUIRE(conversion.diagnostics[0].related.size() == 1);
  CHECK(conversion.diagnostics[0].related[0].where.line == 1);
}

TEST_CASE("documents, empty streams and syntax errors") {
  CHECK(YamlDocument::parse("").document_count() == 0);
  CHECK(YamlDocument::parse("# only a comment\n").document_count() == 0);
  auto two = YamlDocument::parse("a: 1\n---\nb: 2\n");
  REQUIRE(two.document_count() == 2);
  CHECK(two.root(1)["b"].scalar() == "2");
  CHECK(two.root(1).mark().line == 2);
  CHECK_FALSE(two.root(2).present());
  // A document with nothing in it still has a root: a null node.
  auto empty_second = YamlDocument::parse("a: 1\n---\n");
  REQUIRE(empty_second.document_count() == 2);
  CHECK(empty_second.root(1).is_null());
  CHECK(YamlDocument::parse("---\n").root().is_null());
  CHECK_THROWS_AS(YamlDocument::parse("a: [1, 2\n"), YAML::ParserException);
  CHECK_THROWS_AS(YamlDocument::parse("a: *nowhere\n"), YAML::ParserException);
}

TEST_CASE("aliases share their anchored node instead of copying it") {
  auto document = YamlDocument::parse("a: &a [1, 2]\nb: *a\n");
  auto root = document.root();
  CHECK(root["b"].size() == 2);
  CHECK(root["b"].mark().line == root["a"].mark().line);  // the same node, marked where it was defined
  CHECK(convert("a: &a [1, 2]\nb: *a\n")["b"] == nlohmann::json::array({1, 2}));
}

TEST_CASE("the node budget stops runaway expansion") {
  qbank::bank::ConversionLimits limits;
  limits.max_nodes = 20;
  auto document = YamlDocument::parse("a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a, *a, *a]\n");
  auto conversion = yaml_to_json(document.root(), "f.yaml", limits);
  CHECK_FALSE(conversion.complete);
  REQUIRE(conversion.diagnostics.size() == 1);
  CHECK(conversion.diagnostics[0].rule == "input-limit");
}

TEST_CASE("a self-referencing alias is stopped by the depth limit, not followed forever") {
  auto document = YamlDocument::parse("a: &a [x, *a]\n");
  auto conversion = yaml_to_json(document.root(), "f.yaml", {});
  CHECK_FALSE(conversion.complete);
  REQUIRE(conversion.diagnostics.size() == 1);
  CHECK(conversion.diagnostics[0].rule == "input-limit");
}

TEST_CASE("node_at_path follows valijson context paths") {
  auto document = YamlDocument::parse("questions:\n  - id: a\n  - id: b\n    answer: x\n    empty:\n");
  auto root = document.root();
  auto node = qbank::bank::node_at_path(root, {"<root>", "[questions]", "[1]", "[answer]"});
  CHECK(node.scalar() == "x");
  CHECK(node.mark().line == 3);
  CHECK(qbank::bank::node_at_path(root, {"<root>", "[questions]", "[0]", "[id]"}).scalar() == "a");
  // A path past the tree stops at the deepest node that exists.
  CHECK(qbank::bank::node_at_path(root, {"<root>", "[questions]", "[7]"}).is_sequence());
  // A key with no value: its location is somewhere on the key's line.
  auto empty = qbank::bank::node_at_path(root, {"<root>", "[questions]", "[1]", "[empty]"});
  CHECK(qbank::bank::location_of(empty, "f.yaml").line == 5);
}

TEST_CASE("check_yaml reports what the conversion reports and builds nothing") {
  std::string many = "{";
  for (int i = 0; i < 40; ++i) many += "k" + std::to_string(i) + ": 1, ";
  many += "k3: 2, k39: 3}";  // a mapping over the direct-comparison size: repeats found by the hash set
  for (const std::string& text : std::vector<std::string>{"id: a\nanswer: x\nid: b\n", "a: [{x: 1, x: 2}, {y: 1}]\n", many}) {
    auto document = YamlDocument::parse(text);
    auto built = yaml_to_json(document.root(), "f.yaml", {});
    auto checked = qbank::bank::check_yaml(document.root(), "f.yaml", {});
    CHECK(checked.value.is_null());
    CHECK(checked.complete == built.complete);
    REQUIRE(checked.diagnostics.size() == built.diagnostics.size());
    for (std::size_t i = 0; i < built.diagnostics.size(); ++i) CHECK(checked.diagnostics[i].where.line == built.diagnostics[i].where.line);
  }
  auto bomb = YamlDocument::parse("a: &a [x, *a]\n");
  CHECK_FALSE(qbank::bank::check_yaml(bomb.root(), "f.yaml", {}).complete);
}

TEST_CASE("a long list converts in parts, the rest of the document without it") {
  auto document = YamlDocument::parse("section: s\nquestions: [{id: a}, {id: b}, {id: c}]\n");
  auto rest = qbank::bank::yaml_to_json_without(document.root(), "questions");
  CHECK(rest["section"] == "s");
  CHECK(rest["questions"] == nlohmann::json::array());
  auto part = qbank::bank::yaml_items_to_json(document.root()["questions"], 1, 5);
  REQUIRE(part.size() == 2);
  CHECK(part[0]["id"] == "b");
}
