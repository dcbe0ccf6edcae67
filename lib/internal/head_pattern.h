// Head-anchored matching: the matches of a rule of the form
//
//   (?P<name>C{m,n}?(?P<head>W1|W2|...|Wk))
//
// (C one character class, W1 ... Wk plain words: 开发区|高新区|园区) found
// without RE2. Such rules are most of the entity rules' time in RE2: each
// match's groups come from RE2's NFA or backtracker, whose cost grows with
// the span times the words tried at each character, and when the run of
// name characters before a head is longer than n, the pattern with its n
// copies of C runs again.
//
// The matches are RE2's, by its leftmost-first rules: the match starts at
// the first position s (from the search start) where some k in [m, n]
// gives k characters of C followed by a word; of those, the smallest k;
// of the words there, the first in the list (the whole pattern ends with
// the word, so any word that is there completes the match). Which
// characters C holds is asked of RE2 itself, one block of code points at a
// time, so that the class means exactly what it means to RE2.
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

// THREAD SAFETY: immutable but for its cache of the class, which threads
// share safely; Matches may run concurrently.
class HeadPattern {
 public:
  // The head-anchored form of `pattern` (macros expanded), or null when it
  // does not have the shape above.
  static std::unique_ptr<const HeadPattern> Make(std::string_view pattern);
  ~HeadPattern();
  HeadPattern(const HeadPattern&) = delete;
  HeadPattern& operator=(const HeadPattern&) = delete;

  // The search state over one input: per character, whether it is in C and
  // which word starts there. Reused between inputs (and rules).
  struct Scan {
    std::vector<uint32_t> at;         // byte offset of character i (and the end)
    std::vector<uint32_t> run_end;    // first character at or after i not in C
    std::vector<uint32_t> next_word;  // first character at or after i where a word starts
    std::vector<int32_t> word;        // the first listed word starting at i, or -1
  };
  // Prepares `scan` for matching in `input`.
  void Prepare(std::string_view input, Scan& scan) const;
  // The leftmost-first match starting at or after byte `pos` of the input
  // `scan` was prepared for: groups 0 (the match), 1 (the name) and 2 (the
  // word) in g[0..2]. False when there is none.
  bool Match(std::string_view input, const Scan& scan, size_t pos, re2::StringPiece* g) const;

  // whether code point `cp` is in C
  bool InClass(int32_t cp) const;

 private:
  HeadPattern() = default;
  static constexpr int kBlockBits = 10;  // code points per cached block: 1024
  using Block = std::vector<uint64_t>;
  const Block& BlockOf(uint32_t block) const;

  std::unique_ptr<RE2> class_re_;  // C alone
  uint32_t least_ = 0, most_ = 0;  // m, n
  std::vector<uint32_t> word_len_;
  ByteTrie words_;
  std::vector<int32_t> first_word_;  // per trie node: the first listed word ending there, or -1
  // per block of code points: membership bits, made on first use
  std::unique_ptr<std::atomic<const Block*>[]> blocks_;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_HEAD_PATTERN_H_
