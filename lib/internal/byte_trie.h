// A trie over bytes, laid out flat for walking: the gazetteer's names and
// the rule filter's literals.
//
//   ByteTrie t;
//   uint32_t n = t.Insert("深圳市");  // node numbers start at 1 (0: the root)
//   t.Freeze();                       // then only walks
//   for (uint32_t node = 0; (node = t.Child(node, byte)) != 0;) ...
//
// Users keep what a node stands for in their own arrays, indexed by node
// (size() nodes, the root included). After Freeze, a node's children sit
// in one sorted run of an array; a node with many children (the root, and
// the nodes after a UTF-8 lead byte) also gets a table of all 256 bytes.
#ifndef CLUSTERKG_LIB_INTERNAL_BYTE_TRIE_H_
#define CLUSTERKG_LIB_INTERNAL_BYTE_TRIE_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace clusterkg::internal {

class ByteTrie {
 public:
  // The node `key` ends at, made if need be. requires: not frozen.
  uint32_t Insert(std::string_view key) {
    uint32_t node = 0;
    for (const unsigned char c : key) {
      auto [it, added] = edges_.emplace((uint64_t{node} << 8) | c, nodes_);
      if (added) ++nodes_;
      node = it->second;
    }
    return node;
  }

  // Lays the children out for Child; Insert may not be called after.
  void Freeze() {
    std::vector<std::pair<uint64_t, uint32_t>> sorted(edges_.begin(), edges_.end());
    std::sort(sorted.begin(), sorted.end());  // by node, then byte
    first_edge_.assign(nodes_ + 1, 0);
    for (const auto& [key, child] : sorted) ++first_edge_[(key >> 8) + 1];
    for (size_t n = 1; n < first_edge_.size(); ++n) first_edge_[n] += first_edge_[n - 1];
    child_byte_.resize(sorted.size());
    child_node_.resize(sorted.size());
    for (size_t k = 0; k < sorted.size(); ++k) {
      child_byte_[k] = static_cast<unsigned char>(sorted[k].first & 0xFF);
      child_node_[k] = sorted[k].second;
    }
    dense_at_.assign(nodes_, kNoTable);
    for (uint32_t n = 0; n < nodes_; ++n) {
      if (first_edge_[n + 1] - first_edge_[n] < kDenseFrom) continue;
      dense_at_[n] = static_cast<uint32_t>(dense_.size());
      dense_.resize(dense_.size() + 256, 0);
      for (uint32_t k = first_edge_[n]; k < first_edge_[n + 1]; ++k) {
        dense_[dense_at_[n] + child_byte_[k]] = child_node_[k];
      }
    }
    edges_.clear();
  }

  // The child of `node` by byte `c`, or 0 (the root is no one's child).
  uint32_t Child(uint32_t node, unsigned char c) const {
    if (const uint32_t d = dense_at_[node]; d != kNoTable) return dense_[d + c];
    for (uint32_t k = first_edge_[node], e = first_edge_[node + 1]; k < e; ++k) {
      if (child_byte_[k] == c) return child_node_[k];
    }
    return 0;
  }

  // Nodes, the root included.
  uint32_t size() const { return nodes_; }

 private:
  static constexpr uint32_t kNoTable = UINT32_MAX;
  static constexpr uint32_t kDenseFrom = 8;  // children from which a node gets a table
  uint32_t nodes_ = 1;
  std::unordered_map<uint64_t, uint32_t> edges_;  // (node << 8 | byte) -> child, until Freeze
  // node n's children are child_node_[k] for k in [first_edge_[n],
  // first_edge_[n + 1]), with bytes child_byte_[k]
  std::vector<uint32_t> first_edge_;
  std::vector<unsigned char> child_byte_;
  std::vector<uint32_t> child_node_;
  std::vector<uint32_t> dense_at_;  // per node: its table's start in dense_, or kNoTable
  std::vector<uint32_t> dense_;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_BYTE_TRIE_H_
