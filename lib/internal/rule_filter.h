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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/rules.h"
#include "internal/byte_trie.h"

namespace clusterkg::internal {

class RuleFilter {
 public:
  RuleFilter() = default;
  // A null rule is left out: it is never possible.
  explicit RuleFilter(const std::vector<const Rule*>& rules);

  // ensures: may->size() == number of rules; (*may)[k] is false only when
  // rules[k] cannot match anywhere in `text`.
  void Possible(std::string_view text, std::vector<char>* may) const;

  // The atoms of rules[k] (sorted), for tests.
  std::vector<std::string> Atoms(size_t k) const;
  size_t size() const { return always_.size(); }

 private:
  size_t words_ = 0;                   // 64-bit words in a rule mask
  std::vector<uint64_t> always_mask_;  // rules tried whatever the text
  std::vector<char> always_;           // per rule: tried whatever the text
  ByteTrie trie_;                      // the atoms
  std::vector<int32_t> atom_at_;       // per node: the atom ending there, or -1
  std::vector<std::string> atoms_;     // per atom
  std::vector<uint64_t> atom_rules_;   // per atom: mask of the rules needing it
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_RULE_FILTER_H_
