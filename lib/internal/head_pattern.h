// Head-anchored matching: the matches of a rule of the form
//
//   (?P<name>Q?C{m,n}?B?(?P<head>W1|W2|...|Wk))T
//
// (C one character class; W1 ... Wk plain words: 开发区|高新区|园区, or,
// when there is no T, also alternatives (?:V1|...|Vj)R that start with a
// group of words; Q, if there, an optional quoted prefix (?:"D{a,b}")
// with D a class that does not hold the closing quote; B, if there, an
// optional bracketed part (?:\(D{a,b}\)) of the same kind whose opening
// character C does not hold, as in 安谋科技(中国)有限公司; T, if there,
// what must follow, with no groups and nothing that looks behind) found
// without RE2's NFA and backtracker. Such rules are most of the entity
// rules' time in RE2: each match's groups come from one of those engines,
// whose cost grows with the span times the words tried at each character,
// and when the run of name characters before a head is longer than n, the
// pattern with its n copies of C runs again.
//
// The matches are RE2's, by its leftmost-first rules: the match starts at
// the first position s (from the search start) where a parse exists; at
// s, parses with the quoted prefix come before those without; then the
// smallest k in [m, n] for which k characters of C are followed by a head
// (B and a word, else a word); of the alternatives there, the first in the
// list that matches (where an alternative (?:V1|...|Vj)R ends is RE2's,
// anchored where it starts) and that T accepts after it, with T's own
// preferred match (RE2's, anchored where the alternative ends). Which
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
  // null unless `cls` is a class RE2 compiles, with no groups. Rules that
  // write the same class share one (and what it has learnt).
  static std::shared_ptr<const CharClass> Make(std::string_view cls);
  ~CharClass();
  CharClass(const CharClass&) = delete;
  CharClass& operator=(const CharClass&) = delete;
  bool Has(int32_t cp) const {
    if (cp < 0 || cp > 0x10FFFF) return false;
    const auto c = static_cast<uint32_t>(cp);
    const Block* b = blocks_[c >> kBlockBits].load(std::memory_order_acquire);
    if (b == nullptr) b = &BlockOf(c >> kBlockBits);
    const uint32_t k = c & ((uint32_t{1} << kBlockBits) - 1);
    return ((*b)[k / 64] >> (k % 64)) & 1;
  }

 private:
  CharClass() = default;
  static constexpr int kBlockBits = 10;  // code points per block: 1024
  using Block = std::vector<uint64_t>;
  const Block& BlockOf(uint32_t block) const;
  std::unique_ptr<RE2> re_;
  std::unique_ptr<std::atomic<const Block*>[]> blocks_;
};

// THREAD SAFETY: immutable but for its classes' caches, which threads share
// safely; Match may run concurrently.
class HeadPattern {
 public:
  // The head-anchored form of `pattern` (macros expanded), or null when it
  // does not have the shape above.
  static std::unique_ptr<const HeadPattern> Make(std::string_view pattern);

  // The leftmost-first match starting at or after byte `pos` of `input`:
  // groups 0 (the match), 1 (the name) and 2 (the head) in g[0..2]. False
  // when there is none.
  bool Match(std::string_view input, size_t pos, re2::StringPiece* g) const;

 private:
  HeadPattern() = default;
  // The first listed alternative that may start at byte i (one of its
  // words is there), or -1.
  int32_t FirstAlt(std::string_view input, size_t i) const;
  // Whether an alternative, and T after it, match at byte j: the first
  // listed that does ends at *alt_end, and T after it at *end.
  bool PickAt(std::string_view input, size_t j, uint32_t* alt_end, uint32_t* end) const;
  // Whether a word or the bracketed part may start at byte j: its first
  // character (of three bytes), else its first two bytes (one, at the end
  // of input), is that of one of theirs.
  bool MayStart(std::string_view input, size_t j) const {
    const auto first = static_cast<unsigned char>(input[j]);
    if (first >= 0xE0 && first < 0xF0 && j + 2 < input.size()) {
      // three bytes, most of Chinese text: the whole first character
      // (the code point those bytes would make; a word's first character,
      // which is valid UTF-8, sets the bit of the code point it is)
      const uint32_t cp = (first & 0x0Fu) << 12 |
                          (static_cast<unsigned char>(input[j + 1]) & 0x3Fu) << 6 |
                          (static_cast<unsigned char>(input[j + 2]) & 0x3Fu);
      return (first_chars_[cp >> 6] >> (cp & 63)) & 1;
    }
    if (j + 1 == input.size()) return words_.Child(0, first) != 0;
    const uint32_t key = first << 8 | static_cast<unsigned char>(input[j + 1]);
    return (starts_[key >> 6] >> (key & 63)) & 1;
  }
  // The first byte from j where MayStart holds, or input.size(). No word
  // starts inside a character: after a byte where it does not hold, the
  // continuation bytes that follow are passed over.
  size_t NextStart(std::string_view input, size_t j) const {
    const size_t n = input.size();
    auto cont = [&](size_t k) { return (static_cast<unsigned char>(input[k]) & 0xC0) == 0x80; };
    while (j < n) {
      if (MayStart(input, j)) return j;
      if (j + 2 < n && cont(j + 1) && cont(j + 2)) {
        j += 3;
      } else {
        ++j;
      }
      while (j < n && cont(j)) ++j;
    }
    return n;
  }
  // Marks w's first two bytes (all pairs from its first, when it has one).
  void MarkStart(std::string_view w);
  // O D{a,b} E: an open and a close character around a run of a class
  // that does not hold the close (null `inside`: none)
  struct Delimited {
    std::string open, close;
    std::shared_ptr<const CharClass> inside;
    uint32_t least = 0, most = 0;
  };
  // The byte after d where it starts at byte q, or 0.
  static size_t After(const Delimited& d, std::string_view input, size_t q);
  // Whether a head (with the bracketed part before it, or without) and T
  // after it match at byte j: the head starts at *head, the alternative
  // ends at *alt_end, T at *end.
  bool HeadAt(std::string_view input, size_t j, uint32_t* head, uint32_t* alt_end,
              uint32_t* end) const;
  // The match with the prefix at q, its name from byte c: the smallest k
  // in [m, n] with k characters of C from c followed by a head.
  bool MatchFrom(std::string_view input, size_t q, size_t c, re2::StringPiece* g) const;

  std::shared_ptr<const CharClass> name_class_;  // C
  uint32_t least_ = 0, most_ = 0;                // m, n
  // The head's alternatives: a word (its length), or (?:W1|...|Wk)R, which
  // may start where a Wi does and ends where RE2 says.
  struct Alt {
    uint32_t len = 0;
    std::unique_ptr<RE2> re;
  };
  std::vector<Alt> alts_;
  bool complex_ = false;  // some alternative is not a word
  ByteTrie words_;        // the words, and the Wi
  // the first two bytes of the words and of the bracketed part's open, one
  // bit per pair (MayStart)
  std::vector<uint64_t> starts_ = std::vector<uint64_t>(1024, 0);
  // the code points below U+10000 written in three bytes that start a word
  // or the bracketed part's open, one bit each (MayStart)
  std::vector<uint64_t> first_chars_ = std::vector<uint64_t>(1024, 0);
  // per trie node: the alternatives one of whose words ends there
  std::vector<std::vector<uint32_t>> alts_at_;
  Delimited quote_;            // Q: "D{a,b}"
  Delimited bracket_;          // B: (D{a,b})
  std::unique_ptr<RE2> tail_;  // T, or null
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_HEAD_PATTERN_H_
