// JSON string escaping in the bytes nlohmann's dump(indent, ' ', false)
// writes for valid UTF-8: \" \\ \b \f \n \r \t, other control bytes as
// \u00xx, everything else as it is. Shared by the record encoder and the
// JSON-LD text writer.
#ifndef CLUSTERKG_INTERNAL_JSON_STRING_H_
#define CLUSTERKG_INTERNAL_JSON_STRING_H_

#include <string>
#include <string_view>

namespace clusterkg::internal {

// The escape of byte c (a control byte, '"' or '\\').
inline void AppendEscape(std::string& out, unsigned char c) {
  static const char* hex = "0123456789abcdef";
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
  }
}

// requires: s is valid UTF-8 (nlohmann replaces invalid bytes; callers
// that may hold such bytes use AppendJsonStringChecked).
inline void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    AppendEscape(out, c);
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

// As AppendJsonString, checking as it goes that s is valid UTF-8 (as
// nlohmann sees it). When it is not, `out` is left as it was and the
// result is false.
inline bool AppendJsonStringChecked(std::string& out, std::string_view s) {
  const size_t start = out.size();
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      bool ok = n != 0 && c <= 0xF4 && i + n <= s.size();
      if (ok) {
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        ok = !((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
               (c == 0xF4 && c1 > 0x8F));
        for (size_t k = 1; ok && k < n; ++k) {
          ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        }
      }
      if (!ok) {
        out.resize(start);
        return false;
      }
      i += n;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    AppendEscape(out, c);
    ++i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
  return true;
}

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_JSON_STRING_H_
