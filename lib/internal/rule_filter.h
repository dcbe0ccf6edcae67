// Which rules can match a piece of text, from the literals they need.
//
// re2::FilteredRE2 gives, for each rule's pattern, a condition on literals
// ("atoms") that every match meets: an AND/OR tree, such as "出台 or 印发,
// and U+E000" (a verb of issuing, and an entity). One pass over the text
// through an Aho-Corasick automaton of all the atoms finds those present; FilteredRE2 then says
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

#include <array>
#include <cstdint>
#include <memory>
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
  // rules[k] cannot match anywhere in `text`. (PossibleEach of one part.)
  // requires: text is shorter than 4 GiB, here and in PossibleEach.
  void Possible(std::string_view text, std::vector<char>* may) const;
  // Possible for each part text[b, e) of `parts` at once, into (*may)[i]
  // for parts[i]: the same answers. The walk goes through four parts side
  // by side, so that the waits for its table's memory overlap.
  void PossibleEach(std::string_view text, const std::vector<std::pair<uint32_t, uint32_t>>& parts,
                    std::vector<std::vector<char>>* may) const;

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
  // the other atoms, in an Aho-Corasick automaton read a byte at a time:
  // bytes in no atom share class 0
  std::array<uint16_t, 256> byte_class_{};
  uint32_t classes_ = 1;
  // state s's moves: moves_[s * classes_ + class], the start of the next
  // state's row (0: the start state), kEnds set when atoms end there
  static constexpr uint32_t kEnds = 0x80000000u;
  std::vector<uint32_t> moves_;
  // the atoms that end where the automaton reaches state s:
  // out_[out_begin_[s] .. out_begin_[s + 1])
  std::vector<uint32_t> out_begin_;
  std::vector<int> out_;
  // The rules whose conditions the atoms in `found` (present_ first) meet.
  void Decide(const std::vector<int>& found, std::vector<char>* may) const;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_RULE_FILTER_H_
