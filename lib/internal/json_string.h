// JSON string escaping in the bytes nlohmann's dump(indent, ' ', false)
// writes for valid UTF-8: \" \\ \b \f \n \r \t, other control bytes as
// \u00xx, everything else as it is. Shared by the record encoder and the
// JSON-LD text writer.
#ifndef CLUSTERKG_INTERNAL_JSON_STRING_H_
#define CLUSTERKG_INTERNAL_JSON_STRING_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "internal/text_buf.h"

namespace clusterkg::internal {

// The bytes the escape of byte c (a control byte, '"' or '\\') takes
// beyond the byte itself: \" \\ \b \f \n \r \t, or \u00xx.
inline size_t EscapeExtra(unsigned char c) {
  switch (c) {
    case '"':
    case '\\':
    case '\b':
    case '\f':
    case '\n':
    case '\r':
    case '\t': return 1;
    default: return 5;
  }
}

// Writes the escape of byte c at d; returns its end.
inline char* WriteEscape(char* d, unsigned char c) {
  static const char* hex = "0123456789abcdef";
  *d++ = '\\';
  switch (c) {
    case '"': *d++ = '"'; break;
    case '\\': *d++ = '\\'; break;
    case '\b': *d++ = 'b'; break;
    case '\f': *d++ = 'f'; break;
    case '\n': *d++ = 'n'; break;
    case '\r': *d++ = 'r'; break;
    case '\t': *d++ = 't'; break;
    default:
      std::memcpy(d, "u00", 3);
      d[3] = hex[c >> 4];
      d[4] = hex[c & 15];
      d += 5;
  }
  return d;
}

// Do the 8 bytes at p need no escape (whatever bytes >= 0x80 they hold)?
// Word arithmetic: a borrow can only reach a byte above one that is
// already found, so the test is exact as to whether any byte is found.
inline bool NoEscape8(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  uint64_t w;
  std::memcpy(&w, p, 8);
  const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const uint64_t found =
      ((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash);
  return (found & kHigh) == 0;
}

// Calls f(i) for each i, in order, at which s[i] is a byte to escape (a
// control byte, '"' or '\\'): sixteen bytes at a time with SSE2, eight
// at a time without. Returns whether s holds a byte >= 0x80.
template <typename F>
inline bool ForEachEscape(std::string_view s, F f) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = 0;
  uint64_t high = 0;  // the high bits of the bytes passed
#if defined(__SSE2__)
  const __m128i limit = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'),
                backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    high |= static_cast<uint32_t>(_mm_movemask_epi8(v));
    // c <= 0x1F (unsigned) exactly when max(c, 0x1F) == 0x1F
    const __m128i found =
        _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, limit), limit),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    for (auto m = static_cast<uint32_t>(_mm_movemask_epi8(found)); m != 0; m &= m - 1) {
      f(i + static_cast<size_t>(__builtin_ctz(m)));
    }
  }
#endif
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    high |= w & 0x8080808080808080u;
    if (NoEscape8(p + i)) continue;
    for (size_t k = i; k < i + 8; ++k) {
      const auto c = static_cast<unsigned char>(p[k]);
      if (c < 0x20 || c == '"' || c == '\\') f(k);
    }
  }
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    high |= c & 0x80;
    if (c < 0x20 || c == '"' || c == '\\') f(i);
  }
  return high != 0;
}

// Appends s in quotes, escaped, given `extra`: the bytes its escapes add.
// Copied whole when there is nothing to escape, else written in place in
// runs between the escapes.
// Out: std::string or TextBuf (AppendRaw).
template <typename Out>
inline void AppendQuoted(Out& out, std::string_view s, size_t extra) {
  char* d = AppendRaw(out, s.size() + extra + 2);
  *d++ = '"';
  size_t run = 0;  // start of the bytes not yet copied
  if (extra != 0) {
    ForEachEscape(s, [&](size_t i) {
      std::memcpy(d, s.data() + run, i - run);
      d = WriteEscape(d + (i - run), static_cast<unsigned char>(s[i]));
      run = i + 1;
    });
  }
  std::memcpy(d, s.data() + run, s.size() - run);
  d[s.size() - run] = '"';
}

// requires: s is valid UTF-8 (nlohmann replaces invalid bytes; callers
// that may hold such bytes use AppendJsonStringChecked).
template <typename Out>
inline void AppendJsonString(Out& out, std::string_view s) {
  size_t extra = 0;
  ForEachEscape(s, [&](size_t i) { extra += EscapeExtra(static_cast<unsigned char>(s[i])); });
  AppendQuoted(out, s, extra);
}

// Is s valid UTF-8 (as nlohmann sees it: no overlong forms, surrogates or
// values above U+10FFFF)? simdjson's check.
bool ValidUtf8(std::string_view s);

// As AppendJsonString, checking that s is valid UTF-8 when it holds any
// byte >= 0x80. When it is not, `out` is left as it was and the result is
// false.
template <typename Out>
inline bool AppendJsonStringChecked(Out& out, std::string_view s) {
  size_t extra = 0;
  const bool high =
      ForEachEscape(s, [&](size_t i) { extra += EscapeExtra(static_cast<unsigned char>(s[i])); });
  if (high && !ValidUtf8(s)) return false;
  AppendQuoted(out, s, extra);
  return true;
}

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_JSON_STRING_H_
