// Which rules can match a piece of text, from the literals they need.
//
// re2::FilteredRE2 gives, for each rule's pattern, a condition on literals
// ("atoms") that every match meets: an AND/OR tree, such as "出台 or 印发,
// and U+E000" (a verb of issuing, and an entity). One walk over the text
// with a trie of all the atoms finds those present; FilteredRE2 then says
// which rules' conditions hold. A rule whose pattern gives no condition
// (it can match without any literal) is always tried.
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

#include <re2/filtered_re2.h>

#include <cstdint>
#include <memory>
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

  // Every atom the filter looks for (sorted), for tests.
  std::vector<std::string> Atoms() const;
  size_t size() const { return always_.size(); }

 private:
  std::vector<char> always_;                // per rule: tried whatever the text
  std::unique_ptr<re2::FilteredRE2> tree_;  // the rules' conditions, or null
  std::vector<uint32_t> rule_of_;           // per pattern in tree_: its rule
  std::vector<std::string> atoms_;          // per atom id of tree_
  std::vector<int> present_;                // atoms taken as present everywhere
  std::vector<int> bare_;                   // patterns of tree_ passing on present_ alone
  ByteTrie trie_;                           // the other atoms
  std::vector<int32_t> atom_at_;            // per node: the atom ending there, or -1
  // no atom of trie_ starts with a UTF-8 continuation byte (10xxxxxx), so
  // the walk need not start at one: no atom can begin there
  bool at_chars_ = true;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_RULE_FILTER_H_
