// yaml-cpp -> JSON typing follows the YAML 1.2 core schema, so the schema sees what YAML
// means: `true`, `12`, `null` are not strings; quoted and block scalars are.
#include <catch2/catch.hpp>

#include "bank/yaml_json.hpp"

using qbank::bank::yaml_to_json;

namespace {
nlohmann::json convert(const std::string& yaml) { return yaml_to_json(YAML::Load(yaml), "f.yaml", {}).value; }
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

TEST_CASE("the node budget stops runaway expansion") {
  qbank::bank::ConversionLimits limits;
  limits.max_nodes = 20;
  auto conversion = yaml_to_json(YAML::Load("a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a, *a, *a]\n"), "f.yaml", limits);
  CHECK_FALSE(conversion.complete);
  REQUIRE(conversion.diagnostics.size() == 1);
  CHECK(conversion.diagnostics[0].rule == "input-limit");
}

TEST_CASE("node_at_path follows valijson context paths without changing the tree") {
  YAML::Node root = YAML::Load("questions:\n  - id: a\n  - id: b\n    answer: x\n");
  auto node = qbank::bank::node_at_path(root, {"<root>", "[questions]", "[1]", "[answer]"});
  CHECK(node.Scalar() == "x");
  CHECK(node.Mark().line == 3);
  // A second walk sees the same tree (yaml-cpp's operator= would have rewritten it).
  CHECK(qbank::bank::node_at_path(root, {"<root>", "[questions]", "[0]", "[id]"}).Scalar() == "a");
  // A path past the tree stops at the deepest node that exists.
  CHECK(qbank::bank::node_at_path(root, {"<root>", "[questions]", "[7]"}).IsSequence());
}
