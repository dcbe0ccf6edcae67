// JSON string escaping in the bytes nlohmann's dump(indent, ' ', false)
// writes for valid UTF-8: \" \\ \b \f \n \r \t, other control bytes as
// \u00xx, everything else as it is. Shared by the record encoder and the
// JSON-LD text writer.
#ifndef CLUSTERKG_INTERNAL_JSON_STRING_H_
#define CLUSTERKG_INTERNAL_JSON_STRING_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

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

// The high bit of each of the 8 bytes at p (read as one word w) that is
// a control byte, '"' or '\\'; with `ascii`, also of each byte >= 0x80.
// Each test is exact as to whether any byte is found: a borrow can only
// reach a byte above one that is already found.
inline uint64_t Flag8(const char* p, bool ascii) {
  constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  uint64_t w;
  std::memcpy(&w, p, 8);
  const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const uint64_t found = ((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
                         ((backslash - kOnes) & ~backslash) | (ascii ? w : 0);
  return found & kHigh;
}

// Are the 8 bytes at p all ASCII that JSON writes as it is?
inline bool PlainAscii8(const char* p) { return Flag8(p, true) == 0; }

// Do the 8 bytes at p need no escape (whatever bytes >= 0x80 they hold)?
inline bool NoEscape8(const char* p) { return Flag8(p, false) == 0; }

// Appends s in quotes, escaped, given `extra`: the bytes its escapes add.
// A string without escapes is copied whole; one with escapes is written in
// place, in runs between them.
inline void AppendQuoted(std::string& out, std::string_view s, size_t extra) {
  const size_t start = out.size();
  if (extra == 0) {
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  out.resize(start + s.size() + extra + 2);
  char* d = out.data() + start;
  *d++ = '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && NoEscape8(s.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    std::memcpy(d, s.data() + run, i - 1 - run);
    d = WriteEscape(d + (i - 1 - run), c);
    run = i;
  }
  std::memcpy(d, s.data() + run, s.size() - run);
  d[s.size() - run] = '"';
}

// requires: s is valid UTF-8 (nlohmann replaces invalid bytes; callers
// that may hold such bytes use AppendJsonStringChecked).
inline void AppendJsonString(std::string& out, std::string_view s) {
  size_t extra = 0;
  for (size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && NoEscape8(s.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x20 || c == '"' || c == '\\') extra += EscapeExtra(c);
  }
  AppendQuoted(out, s, extra);
}

// What a byte is to AppendJsonStringChecked.
enum class JsonByte : unsigned char { kPlain, kEscape, kLead2, kLead3, kLead4, kInvalid };
inline constexpr std::array<JsonByte, 256> kJsonBytes = [] {
  std::array<JsonByte, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = c < 0x20 || c == '"' || c == '\\' ? JsonByte::kEscape
           : c < 0x80                        ? JsonByte::kPlain
           : c < 0xC2                        ? JsonByte::kInvalid  // continuation, overlong
           : c < 0xE0                        ? JsonByte::kLead2
           : c < 0xF0                        ? JsonByte::kLead3
           : c < 0xF5                        ? JsonByte::kLead4
                                             : JsonByte::kInvalid;
  }
  return t;
}();

// As AppendJsonString, checking as it goes that s is valid UTF-8 (as
// nlohmann sees it: no overlong forms, surrogates or values above
// U+10FFFF). When it is not, `out` is left as it was and the result is
// false.
inline bool AppendJsonStringChecked(std::string& out, std::string_view s) {
  const size_t start = out.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  auto cont = [p](size_t k) { return (p[k] & 0xC0) == 0x80; };
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    switch (kJsonBytes[c]) {
      case JsonByte::kPlain:
        ++i;
        while (i + 8 <= n && PlainAscii8(s.data() + i)) i += 8;
        continue;
      case JsonByte::kLead3:
        if (i + 3 > n || !cont(i + 1) || !cont(i + 2) || (c == 0xE0 && p[i + 1] < 0xA0) ||
            (c == 0xED && p[i + 1] > 0x9F)) {
          break;
        }
        i += 3;
        continue;
      case JsonByte::kLead2:
        if (i + 2 > n || !cont(i + 1)) break;
        i += 2;
        continue;
      case JsonByte::kLead4:
        if (i + 4 > n || !cont(i + 1) || !cont(i + 2) || !cont(i + 3) ||
            (c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] > 0x8F)) {
          break;
        }
        i += 4;
        continue;
      case JsonByte::kEscape: {
        char e[6];
        out.append(s.data() + run, i - run);
        out.append(e, static_cast<size_t>(WriteEscape(e, c) - e));
        run = ++i;
        continue;
      }
      case JsonByte::kInvalid: break;
    }
    out.resize(start);  // not valid UTF-8
    return false;
  }
  out.append(s.data() + run, n - run);
  out += '"';
  return true;
}

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_JSON_STRING_H_
