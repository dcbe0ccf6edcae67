// Internal: UTF-8 decoding and encoding helpers shared by load and normalize.
// Never installed.
#ifndef CLUSTERKG_LIB_INTERNAL_UTF8_H_
#define CLUSTERKG_LIB_INTERNAL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace clusterkg::internal {

// Decodes the code point at s[i]. ensures: *len is 1..4 and the code point is
// returned, or -1 with *len = 1 when the bytes at i are not valid UTF-8
// (overlong forms, surrogates and values above U+10FFFF are invalid).
inline int32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const size_t n = s.size();
  const unsigned char c = b(i);
  *len = 1;
  if (c < 0x80) return c;
  if (c >= 0xE0 && c <= 0xEF && i + 2 < n) {  // most Chinese text: three bytes
    const unsigned char d1 = b(i + 1), d2 = b(i + 2);
    if ((d1 & 0xC0) == 0x80 && (d2 & 0xC0) == 0x80) {
      const int32_t cp3 = (c & 0x0F) << 12 | (d1 & 0x3F) << 6 | (d2 & 0x3F);
      if (cp3 < 0x800 || (cp3 >= 0xD800 && cp3 <= 0xDFFF)) return -1;  // overlong, surrogate
      *len = 3;
      return cp3;
    }
  }
  int need;
  int32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
  } else {
    return -1;
  }
  for (int k = 1; k <= need; ++k) {
    if (i + k >= n) return -1;
    const unsigned char d = b(i + k);
    if ((d & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return -1;
  }
  *len = static_cast<size_t>(need) + 1;
  return cp;
}

// The bytes of the character at s[p] packed into one number: a lead byte
// and the bytes that follow it (up to four, fewer at the end of s), or the
// one byte at p when it is no lead byte. *len is how many. A key for
// "names that start with this character".
inline uint32_t PackedChar(std::string_view s, size_t p, size_t* len) {
  const auto c = static_cast<unsigned char>(s[p]);
  const size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  const size_t n = want < s.size() - p ? want : s.size() - p;
  uint32_t key = 0;
  for (size_t i = 0; i < n; ++i) key = key << 8 | static_cast<unsigned char>(s[p + i]);
  *len = n;
  return key;
}

// Offset of the first byte that is not valid UTF-8, or npos.
inline size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0, len = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (DecodeUtf8(s, i, &len) < 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

inline void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// True for CJK unified ideographs (the letters of Chinese names).
inline bool IsHan(int32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

// Code points in a valid UTF-8 string.
inline size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// s without leading and trailing ASCII whitespace.
inline std::string TrimAscii(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(ws) - b + 1));
}

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_UTF8_H_
