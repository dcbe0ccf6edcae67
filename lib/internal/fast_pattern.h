// Faster equivalents of rule patterns, and matching through them.
//
// A bounded repetition of one character, X{m,n} or X{m,n}? (X a character
// class, an escape, "." or one literal character), compiles in RE2 to n
// copies of X: patterns like [\p{Han}A-Za-z0-9]{2,24}?公司 become programs of
// thousands of instructions, and extracting the captures of each match costs
// time in proportion. The fast pattern writes X{m,} (or X{m,}?) instead,
// inside a group of its own, and checks after each match that the group
// holds at most n characters.
//
// Why the result is the same: the fast pattern's language contains the
// original's, and both prefer parses in the same order (leftmost start,
// then alternatives and repetition choices in pattern order; the bound
// only removes choices). So when the fast pattern's preferred match keeps
// every bound, it is the original's preferred match too; when it breaks
// one, that match is found again with the original pattern. No match of
// the fast pattern means no match of the original.
//
// Not rewritten (the pattern is used as it is): repetitions inside a group
// that repeats (its capture would hold only the last round) and patterns
// with no bounded repetition worth rewriting (n - m < 4).
#ifndef CLUSTERKG_INTERNAL_FAST_PATTERN_H_
#define CLUSTERKG_INTERNAL_FAST_PATTERN_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/rules.h"
#include "internal/head_pattern.h"
#include "internal/utf8.h"

namespace clusterkg::internal {

struct FastPattern {
  std::string pattern;
  std::vector<int> group;                   // group of the original -> group here
  std::vector<std::pair<int, int>> bounds;  // group here, most characters
};

// The fast form of `pattern`, or false when there is none.
bool MakeFastPattern(std::string_view pattern, FastPattern* out);

// Calls f(groups) for each leftmost-first match of `rule` in text[b, e),
// with groups numbered as in rule.re (the pattern as written), restarting
// after each match as RE2 users do. Uses rule.fast when `use_fast` and the
// rule has one.
template <typename F>
void ForEachRuleMatch(const Rule& rule, std::string_view text, uint32_t b, uint32_t e,
                      bool use_fast, F f) {
  const RE2& re = *rule.re;
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> g(n);
  const Rule::Fast* fast = use_fast ? rule.fast.get() : nullptr;
  const int nf = fast ? fast->re->NumberOfCapturingGroups() + 1 : 0;
  std::vector<re2::StringPiece> gf(nf);
  // the input is the range alone, so that ^ and $ match at its ends
  const re2::StringPiece input(text.data() + b, e - b);
  if (fast && fast->head) {  // without RE2: the matches never empty
    for (size_t pos = 0; fast->head->Match(input, pos, g.data());) {
      f(g);
      pos = static_cast<size_t>(g[0].data() - input.data()) + g[0].size();
    }
    return;
  }
  size_t pos = 0;
  while (pos <= input.size()) {
    bool slow = fast == nullptr;
    if (fast) {
      if (!fast->re->Match(input, pos, input.size(), RE2::UNANCHORED, gf.data(), nf)) break;
      for (const auto& [k, most] : fast->bounds) {
        if (gf[k].data() &&
            CountChars(std::string_view(gf[k].data(), gf[k].size())) > static_cast<size_t>(most)) {
          slow = true;
          break;
        }
      }
      if (!slow) {
        for (int i = 0; i < n; ++i) g[i] = gf[fast->group[i]];
      }
    }
    if (slow && !re.Match(input, pos, input.size(), RE2::UNANCHORED, g.data(), n)) break;
    f(g);
    size_t next = static_cast<size_t>(g[0].data() - input.data()) + g[0].size();
    if (g[0].empty() || next <= pos) {
      next = std::max(next, pos);
      size_t len = 1;
      if (next < input.size()) DecodeUtf8(text, b + next, &len);
      next += len;
    }
    pos = next;
  }
}

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_FAST_PATTERN_H_
