// Which rules can match a piece of text, from the literals they need.
//
// re2::FilteredRE2 gives, for each rule's pattern, the literals ("atoms")
// of which every match holds at least one (it knows more: which atoms must
// come together; this keeps only "at least one of them"). A rule without
// such atoms (its pattern can match without any literal) is always tried.
//
//   RuleFilter f(rules);            // once, when the matcher is made
//   f.Possible(sentence, &may);     // may[k]: rules[k] can match here
//
// Exactness: FilteredRE2 lowercases its atoms. The text is lowercased the
// same way for ASCII; an atom holding a non-ASCII letter that has case is
// taken as present everywhere, so no rule is ever left out that could
// match. A rule left in may still not match: RE2 decides.
#ifndef CLUSTERKG_LIB_INTERNAL_RULE_FILTER_H_
#define CLUSTERKG_LIB_INTERNAL_RULE_FILTER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/rules.h"

namespace clusterkg::internal {

class RuleFilter {
 public:
  RuleFilter() = default;
  // A null rule is left out: it is never possible.
  explicit RuleFilter(const std::vector<const Rule*>& rules);

  // ensures: may->size() == number of rules; (*may)[k] is false only when
  // rules[k] cannot match anywhere in `text`.
  void Possible(std::string_view text, std::vector<char>* may) const;

  // The atoms of rules[k], for tests and `clusterkg rules` diagnostics.
  std::vector<std::string> Atoms(size_t k) const;
  size_t size() const { return always_.size(); }

 private:
  size_t words_ = 0;                   // 64-bit words in a rule mask
  std::vector<uint64_t> always_mask_;  // rules tried whatever the text
  std::vector<char> always_;           // per rule: tried whatever the text
  // the atoms in a byte trie: node n's children are child_node[k] for k in
  // [first_edge[n], first_edge[n + 1]), with bytes child_byte[k]; the root's
  // children are also in root_
  std::array<uint32_t, 256> root_{};
  std::vector<uint32_t> first_edge_;
  std::vector<unsigned char> child_byte_;
  std::vector<uint32_t> child_node_;
  std::vector<int32_t> atom_at_;      // per node: the atom ending there, or -1
  std::vector<std::string> atoms_;    // per atom
  std::vector<uint64_t> atom_rules_;  // per atom: mask of the rules needing it
  uint32_t Child(uint32_t node, unsigned char c) const;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_RULE_FILTER_H_
