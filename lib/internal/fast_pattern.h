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

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/rules.h"
#include "internal/byte_trie.h"
#include "internal/head_pattern.h"
#include "internal/utf8.h"

namespace clusterkg::internal {

struct FastPattern {
  std::string pattern;
  std::vector<int> group;                   // group of the original -> group here
  std::vector<std::pair<int, int>> bounds;  // group here, most characters
  // per bound: the literal character the repetition follows in the
  // pattern ("\"" in "[a-z]{2,10}"), or empty
  std::vector<std::string> after;
};

// The fast form of `pattern`, or false when there is none.
bool MakeFastPattern(std::string_view pattern, FastPattern* out);

// A rule's groups rebuilt from where its match is, so that RE2 is asked
// for the match alone, which its DFAs find, and not for the groups, which
// cost its NFA or backtracker (docs/performance.md, "What RE2 does with a
// match's groups"). Patterns of two shapes (macros expanded), whose group 1
// is the whole pattern:
//
//   (?P<name>X)                              group 1 is the match;
//   (?P<name>I1 I2 ... Ir R(?P<head>W1|...|Wk))
//                                            group 1 is the match and
//                                            group 2 the longest Wi that
//                                            the match ends with,
//
// with W1 ... Wk plain words, R a lazy run from zero of one character
// (C*? or C{0,n}?), and each Ij one of: a literal character c that is in
// no Wi, c? or c??; a group (?:...c), (?:...c)? or (?:...c)?? with no | at
// its top level whose last item is such a character c; a lazy run from
// zero like R; and no flags anywhere.
//
// Why the longest word: RE2 prefers, from the leftmost start, the parse
// whose choices come first in pattern order. Let the match be [s, e) and
// the longest Wi it ends with start at q. Take the first item that ends
// after q in the preferred parse. It is no character or group ending in a
// character outside the words: that character would lie inside the word.
// If it is a lazy run before R, the same parse with that run ending at q
// and every item after it empty (each can be: the others would end inside
// the word), R empty and the word at q, is preferred (fewer rounds of a
// lazy run come first), so it is no such run. So R starts at or before q,
// and takes the fewest characters after which some word follows: a longer
// word ending at e would have been found first.
//
// The fast form's match is the pattern's when the fast form keeps every
// bound (above). Where the match alone is known, a bound is surely kept
// when the match has at most that many characters, or when the repetition
// follows a literal character in the pattern that the match does not hold
// (the repetition took no part: "[a-z]{2,10}" with no "); otherwise the
// caller asks RE2 for the groups.
class SpanGroups {
 public:
  // The shape of `pattern` with `groups` capturing groups, or null when it
  // has neither; `fast`, its fast form when the match is found with that.
  static std::unique_ptr<const SpanGroups> Make(std::string_view pattern, int groups,
                                                const FastPattern* fast = nullptr);
  bool has_head() const { return has_head_; }
  // Whether the fast form surely keeps its bounds in `match` (above).
  bool KeepsBounds(std::string_view match) const {
    size_t chars = SIZE_MAX;
    for (const Bound& b : bounds_) {
      if (!b.after.empty() && match.find(b.after) == std::string_view::npos) continue;
      if (chars == SIZE_MAX) chars = CountChars(match);
      if (chars > b.most) return false;
    }
    return true;
  }
  // The length of the longest word that `match` ends with, 0 when none.
  size_t HeadLength(std::string_view match) const {
    size_t best = 0;
    uint32_t node = 0;
    for (size_t k = match.size(); k > 0;) {
      node = words_.Child(node, static_cast<unsigned char>(match[--k]));
      if (node == 0) break;
      if (ends_[node]) best = match.size() - k;
    }
    return best;
  }

 private:
  SpanGroups() = default;
  bool has_head_ = false;
  struct Bound {
    size_t most;
    std::string after;  // FastPattern::after
  };
  std::vector<Bound> bounds_;
  ByteTrie words_;          // the words, last byte first
  std::vector<bool> ends_;  // per node: a word ends there
};

// Calls f(groups), a std::span<const re2::StringPiece>, for each leftmost-first match of `rule` in
// text[b, e), with groups numbered as in rule.re() (the pattern as written), restarting after each
// match as RE2 users do. Uses rule.fast when `use_fast` and the rule has one.
template <typename F>
void ForEachRuleMatch(const Rule& rule, std::string_view text, uint32_t b, uint32_t e,
                      bool use_fast, F f) {
  const int n = rule.captures + 1;
  const Rule::Fast* fast = use_fast ? rule.fast.get() : nullptr;
  const int nf = fast ? fast->re->NumberOfCapturingGroups() + 1 : 0;
  // the groups on the stack when there are few (there are, for any
  // sensible rule), else on the heap
  constexpr int kOnStack = 16;
  std::array<re2::StringPiece, kOnStack> g_stack, gf_stack;
  std::vector<re2::StringPiece> g_heap, gf_heap;
  re2::StringPiece* g = g_stack.data();
  re2::StringPiece* gf = gf_stack.data();
  if (n > kOnStack) g = (g_heap.resize(n), g_heap.data());
  if (nf > kOnStack) gf = (gf_heap.resize(nf), gf_heap.data());
  const std::span<const re2::StringPiece> groups(g, static_cast<size_t>(n));
  // the input is the range alone, so that ^ and $ match at its ends
  const re2::StringPiece input(text.data() + b, e - b);
  const SpanGroups* span = fast ? fast->span.get() : nullptr;
  if (fast && fast->head) {  // without RE2: the matches never empty
    for (size_t pos = 0; fast->head->Match(input, pos, g);) {
      f(groups);
      pos = static_cast<size_t>(g[0].data() - input.data()) + g[0].size();
    }
    return;
  }
  size_t pos = 0;
  while (pos <= input.size()) {
    bool slow = fast == nullptr;
    bool found = false;
    // where to search for the match's groups: where the match starts, once
    // the search for the match alone has found it (no match of the fast
    // form, nor of the pattern as written, starts before)
    size_t from = pos;
    if (span) {  // where the match is, then its groups from that
      re2::StringPiece m;
      if (!fast->re->Match(input, pos, input.size(), RE2::UNANCHORED, &m, 1)) break;
      from = static_cast<size_t>(m.data() - input.data());
      const size_t head = span->has_head() ? span->HeadLength(m) : 0;
      if ((head > 0 || !span->has_head()) && span->KeepsBounds(m)) {
        g[0] = m;
        g[1] = m;
        if (head > 0) g[2] = re2::StringPiece(m.data() + m.size() - head, head);
        found = true;
      }
    }
    if (!found && fast) {
      if (!fast->re->Match(input, from, input.size(), RE2::UNANCHORED, gf, nf)) break;
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
    if (slow && !rule.re().Match(input, from, input.size(), RE2::UNANCHORED, g, n)) break;
    f(groups);
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
