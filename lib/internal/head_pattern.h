// Head-anchored matching: the matches of a rule of the form
//
//   (?P<name>Q?C{m,n}?(?P<head>W1|W2|...|Wk))T
//
// (C one character class; W1 ... Wk plain words: 开发区|高新区|园区; Q, if
// there, an optional quoted prefix (?:"D{a,b}") with D a class that does
// not hold the closing quote; T, if there, what must follow, with no
// groups and nothing that looks behind) found without RE2's NFA and
// backtracker. Such rules are most of the entity rules' time in RE2: each
// match's groups come from one of those engines, whose cost grows with the
// span times the words tried at each character, and when the run of name
// characters before a head is longer than n, the pattern with its n copies
// of C runs again.
//
// The matches are RE2's, by its leftmost-first rules: the match starts at
// the first position s (from the search start) where a parse exists; at
// s, parses with the quoted prefix come before those without; then the
// smallest k in [m, n] for which k characters of C are followed by a word;
// of the words there, the first in the list that T accepts after it, with
// T's own preferred match (RE2's, anchored where the word ends). Which
// characters a class holds is asked of RE2 itself, one block of code
// points at a time, so that it means exactly what it means to RE2.
#ifndef CLUSTERKG_INTERNAL_HEAD_PATTERN_H_
#define CLUSTERKG_INTERNAL_HEAD_PATTERN_H_

#include <re2/re2.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "internal/byte_trie.h"

namespace clusterkg::internal {

// The code points an RE2 character class matches, asked of RE2 one block
// at a time, on first use. THREAD SAFETY: Has may run concurrently.
class CharClass {
 public:
  // null unless `cls` is a class RE2 compiles, with no groups
  static std::unique_ptr<const CharClass> Make(std::string_view cls);
  ~CharClass();
  CharClass(const CharClass&) = delete;
  CharClass& operator=(const CharClass&) = delete;
  bool Has(int32_t cp) const;

 private:
  CharClass() = default;
  static constexpr int kBlockBits = 10;  // code points per block: 1024
  using Block = std::vector<uint64_t>;
  const Block& BlockOf(uint32_t block) const;
  std::unique_ptr<RE2> re_;
  std::unique_ptr<std::atomic<const Block*>[]> blocks_;
};

// THREAD SAFETY: immutable but for its classes' caches; Prepare and Match
// may run concurrently on different Scans.
class HeadPattern {
 public:
  // The head-anchored form of `pattern` (macros expanded), or null when it
  // does not have the shape above.
  static std::unique_ptr<const HeadPattern> Make(std::string_view pattern);

  // The search state over one input: per character, whether it is in C and
  // which words start there; what T gave at each word end.
  struct Scan {
    std::vector<uint32_t> at;         // byte offset of character i (and the end)
    std::vector<uint32_t> run_end;    // first character at or after i not in C
    std::vector<uint32_t> next_word;  // first character at or after i where a word starts
    std::vector<int32_t> word;        // the first listed word starting at i, or -1
    std::vector<int64_t> tail;        // per character: T's end after it, -1 none, -2 not known
  };
  // Prepares `scan` for matching in `input`.
  void Prepare(std::string_view input, Scan& scan) const;
  // The leftmost-first match starting at or after byte `pos` of the input
  // `scan` was prepared for: groups 0 (the match), 1 (the name) and 2 (the
  // word) in g[0..2]. False when there is none.
  bool Match(std::string_view input, Scan& scan, size_t pos, re2::StringPiece* g) const;

 private:
  HeadPattern() = default;
  // A parse whose name characters start at character `c`, for a match
  // starting at byte `begin`.
  bool Core(std::string_view input, Scan& scan, uint32_t c, uint32_t begin,
            re2::StringPiece* g) const;
  // The character after the quoted prefix at character `s`, or 0.
  uint32_t AfterQuote(std::string_view input, const Scan& scan, uint32_t s) const;

  std::unique_ptr<const CharClass> name_class_;  // C
  uint32_t least_ = 0, most_ = 0;                // m, n
  std::vector<uint32_t> word_len_;
  ByteTrie words_;
  std::vector<int32_t> word_at_;  // per trie node: the first listed word ending there, or -1
  // Q: open, D{a,b}, close
  std::unique_ptr<const CharClass> quote_class_;
  std::string open_, close_;
  uint32_t quote_least_ = 0, quote_most_ = 0;
  std::unique_ptr<RE2> tail_;  // T, or null
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_HEAD_PATTERN_H_
