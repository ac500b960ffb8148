#include "bank/yaml_document.hpp"

#include <istream>
#include <streambuf>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace qbank::bank {

namespace {

const std::string k_empty;
constexpr std::size_t k_not_found = static_cast<std::size_t>(-1);

// yaml-cpp reads from an std::istream; this one reads the caller's buffer without copying it.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // get area only: never written through
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

// Receives yaml-cpp's events and appends nodes. A container's children are collected on a stack
// while it is open and copied to the edge array, contiguously, when it closes.
class YamlTreeBuilder : public YAML::EventHandler {
 public:
  explicit YamlTreeBuilder(YamlDocument& document) : m_document(document) {}

  // Every document has exactly one root node: yaml-cpp sends OnNull for "---" with nothing after it.
  void OnDocumentStart(const YAML::Mark& mark) override {
    m_anchors.clear();  // anchors are numbered per document
    m_document_start = mark;
  }
  void OnDocumentEnd() override {}

  // Where the last document began (yaml-cpp's 0-based mark), for the progress check in parse().
  const YAML::Mark& document_start() const { return m_document_start; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    attach(new_node(YamlKind::null, mark, {}, {}, anchor));
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    // yaml-cpp rejects an alias to an unknown anchor before it gets here.
    auto found = m_anchors.find(anchor);
    if (found != m_anchors.end()) attach(found->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    attach(new_node(YamlKind::scalar, mark, tag, value, anchor));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(new_node(YamlKind::sequence, mark, tag, {}, anchor));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(new_node(YamlKind::mapping, mark, tag, {}, anchor));
  }
  void OnMapEnd() override { close(); }

 private:
  std::uint32_t new_node(YamlKind kind, const YAML::Mark& mark, const std::string& tag, const std::string& text, YAML::anchor_t anchor) {
    auto index = static_cast<std::uint32_t>(m_document.m_nodes.size());
    auto& node = m_document.m_nodes.emplace_back();
    node.kind = kind;
    node.line = mark.line;
    node.column = mark.column;
    node.tag = tag_index(tag, mark);
    if (kind == YamlKind::scalar) {
      node.text = static_cast<std::uint32_t>(m_document.m_texts.size());
      m_document.m_texts.push_back(text);
    }
    // Registered before the children arrive, as yaml-cpp does, so "&a [*a]" refers to itself
    // (a cycle the conversion's depth limit stops).
    if (anchor != YAML::NullAnchor) m_anchors[anchor] = index;
    return index;
  }

  // Documents have a handful of distinct tags ("?", "!" and the odd explicit one).
  std::uint16_t tag_index(const std::string& tag, const YAML::Mark& mark) {
    if (tag.empty()) return 0;
    auto [it, inserted] = m_tag_indices.try_emplace(tag, static_cast<std::uint16_t>(m_document.m_tags.size()));
    if (inserted) {
      if (m_document.m_tags.size() > 0xFFFF) throw YAML::ParserException(mark, "more than 65,535 distinct tags in one file");
      m_document.m_tags.push_back(tag);
    }
    return it->second;
  }

  void attach(std::uint32_t index) {
    if (m_depth > 0) {
      m_open[m_depth - 1].children.push_back(index);
    } else {
      m_document.m_roots.push_back(index);
    }
  }

  void open(std::uint32_t index) {
    // Frames are reused between containers so their child vectors keep their capacity.
    if (m_depth == m_open.size()) m_open.emplace_back();
    m_open[m_depth].node = index;
    m_open[m_depth].children.clear();
    ++m_depth;
  }

  void close() {
    Frame& frame = m_open[--m_depth];
    auto& node = m_document.m_nodes[frame.node];
    node.first_edge = static_cast<std::uint32_t>(m_document.m_edges.size());
    node.edge_count = static_cast<std::uint32_t>(frame.children.size());
    m_document.m_edges.insert(m_document.m_edges.end(), frame.children.begin(), frame.children.end());
    attach(frame.node);
  }

  struct Frame {
    std::uint32_t node = 0;
    std::vector<std::uint32_t> children;
  };
  YamlDocument& m_document;
  std::vector<Frame> m_open;
  std::size_t m_depth = 0;
  std::unordered_map<YAML::anchor_t, std::uint32_t> m_anchors;
  std::unordered_map<std::string, std::uint16_t> m_tag_indices;
  YAML::Mark m_document_start = YAML::Mark::null_mark();
};

YamlDocument YamlDocument::parse(std::string_view content) {
  YamlDocument document;
  // A question file has about one node per 25 bytes; reserving that up front saves the regrowth
  // (files of another shape just grow as usual).
  document.m_nodes.reserve(content.size() / 24 + 16);
  document.m_edges.reserve(content.size() / 24 + 16);
  document.m_texts.reserve(content.size() / 48 + 16);
  document.m_tags.emplace_back();
  ViewBuffer buffer(content);
  std::istream stream(&buffer);
  YAML::Parser parser(stream);
  YamlTreeBuilder builder(document);
  // yaml-cpp 0.7 can return "another document" forever without consuming a byte: on a stray
  // ',' (or ']', '}') where a document should start it reports a null document at the same
  // token again and again, and the roots pile up until memory runs out. Every real document
  // starts past the previous one's start, so the same start twice means no progress.
  std::size_t previous_start = k_not_found;
  while (parser.HandleNextDocument(builder)) {
    const YAML::Mark& start = builder.document_start();
    auto at = static_cast<std::size_t>(start.pos);
    if (start.pos >= 0 && at == previous_start) {
      bool printable = at < content.size() && content[at] > ' ' && content[at] < 0x7f;
      std::string what = printable ? fmt::format("unexpected '{}'", content[at]) : "unexpected text";
      throw YAML::ParserException(start, what + " where a YAML document should start");
    }
    previous_start = at;
  }
  // The arrays grew by doubling; a file of a million tiny nodes would keep up to half of them
  // empty while the JSON conversion, the memory peak, runs.
  document.m_nodes.shrink_to_fit();
  document.m_edges.shrink_to_fit();
  return document;
}

YamlNode YamlDocument::root(std::size_t document) const {
  if (document >= m_roots.size()) return {};
  return {this, m_roots[document]};
}

YamlKind YamlNode::kind() const { return m_document->m_nodes[m_index].kind; }

const std::string& YamlNode::scalar() const {
  if (!is_scalar()) return k_empty;
  return m_document->m_texts[m_document->m_nodes[m_index].text];
}

const std::string& YamlNode::tag() const { return present() ? m_document->m_tags[m_document->m_nodes[m_index].tag] : k_empty; }

YAML::Mark YamlNode::mark() const {
  if (!present()) return YAML::Mark::null_mark();
  const auto& node = m_document->m_nodes[m_index];
  if (node.line == -1 && node.column == -1) return YAML::Mark::null_mark();
  YAML::Mark mark;
  mark.line = node.line;
  mark.column = node.column;
  return mark;
}

std::size_t YamlNode::size() const {
  if (!present()) return 0;
  const auto& node = m_document->m_nodes[m_index];
  if (node.kind == YamlKind::sequence) return node.edge_count;
  if (node.kind == YamlKind::mapping) return node.edge_count / 2;
  return 0;
}

YamlNode YamlNode::child(std::size_t edge) const {
  return {m_document, m_document->m_edges[m_document->m_nodes[m_index].first_edge + edge]};
}

YamlNode YamlNode::item(std::size_t i) const { return is_sequence() && i < size() ? child(i) : YamlNode(); }
YamlNode YamlNode::key(std::size_t i) const { return is_mapping() && i < size() ? child(2 * i) : YamlNode(); }
YamlNode YamlNode::value(std::size_t i) const { return is_mapping() && i < size() ? child(2 * i + 1) : YamlNode(); }

std::size_t YamlNode::find(std::string_view name) const {
  std::size_t pairs = is_mapping() ? size() : 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    YamlNode k = child(2 * i);
    if (k.is_scalar() && k.scalar() == name) return i;
  }
  return k_not_found;
}

YamlNode YamlNode::operator[](std::string_view name) const {
  std::size_t at = find(name);
  return at == k_not_found ? YamlNode() : child(2 * at + 1);
}

YamlNode YamlNode::key_of(std::string_view name) const {
  std::size_t at = find(name);
  return at == k_not_found ? YamlNode() : child(2 * at);
}

}  // namespace qbank::bank
