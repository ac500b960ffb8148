// A parsed YAML file as a compact, read-only tree built straight from yaml-cpp's event parser.
// yaml-cpp's own YAML::Node tree (shared_ptr nodes, memory holders, a map per mapping) costs
// more to build, query and free than the parse itself; qbank only needs to read each node once
// or twice, with its mark. Aliases point at their anchored node, so an alias bomb stays small
// here; whoever walks the tree (the JSON conversion) keeps a node budget.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

namespace qbank::bank {

class YamlDocument;

enum class YamlKind : std::uint8_t { null, scalar, sequence, mapping };

// A handle on one node: the document plus an index, cheap to copy. A default-constructed
// handle is absent (what looking up a missing key gives).
class YamlNode {
 public:
  YamlNode() = default;
  YamlNode(const YamlDocument* document, std::uint32_t index) : m_document(document), m_index(index) {}

  bool present() const { return m_document != nullptr; }
  // The same node of the same document.
  bool operator==(const YamlNode& other) const = default;
  YamlKind kind() const;
  bool is_null() const { return present() && kind() == YamlKind::null; }
  bool is_scalar() const { return present() && kind() == YamlKind::scalar; }
  bool is_sequence() const { return present() && kind() == YamlKind::sequence; }
  bool is_mapping() const { return present() && kind() == YamlKind::mapping; }

  // The text of a scalar (empty otherwise) and its tag as yaml-cpp reports it: "?" for a plain
  // scalar, "!" for a quoted or block one, else the resolved explicit tag.
  const std::string& scalar() const;
  const std::string& tag() const;
  // 0-based, as yaml-cpp gives it; a null mark (line -1) when yaml-cpp had none.
  YAML::Mark mark() const;

  // Items of a sequence, or key/value pairs of a mapping (0 for anything else).
  std::size_t size() const;
  YamlNode item(std::size_t i) const;
  YamlNode key(std::size_t i) const;
  YamlNode value(std::size_t i) const;
  // The value (or key node) of the first pair whose key is the scalar `name`; absent if none.
  YamlNode operator[](std::string_view name) const;
  YamlNode key_of(std::string_view name) const;

 private:
  std::size_t find(std::string_view name) const;  // pair index, or -1
  YamlNode child(std::size_t edge) const;

  const YamlDocument* m_document = nullptr;
  std::uint32_t m_index = 0;
};

class YamlDocument {
 public:
  // Throws YAML::Exception (ParserException, DeepRecursion) like YAML::LoadAll.
  static YamlDocument parse(std::string_view content);

  // One root per YAML document in the stream ('---' separated); none for an empty stream.
  std::size_t document_count() const { return m_roots.size(); }
  YamlNode root(std::size_t document = 0) const;

 private:
  friend class YamlNode;
  friend class YamlTreeBuilder;
  // 24 bytes: a file of 996k empty mappings is a million nodes, and peak memory must stay a
  // small multiple of the file's size. Text and tags live beside the nodes.
  struct Node {
    YamlKind kind = YamlKind::null;
    std::uint16_t tag = 0;                         // index into m_tags
    int line = -1, column = -1;                    // yaml-cpp's 0-based mark
    std::uint32_t first_edge = 0, edge_count = 0;  // children in m_edges (key, value, key, value … for a mapping)
    std::uint32_t text = 0;                        // a scalar's index into m_texts
  };
  std::vector<Node> m_nodes;
  std::vector<std::string> m_texts;  // scalars' text
  std::vector<std::string> m_tags;   // the distinct tags; [0] is ""
  std::vector<std::uint32_t> m_edges;  // node indices; an alias repeats its anchor's index
  std::vector<std::uint32_t> m_roots;
};

}  // namespace qbank::bank
