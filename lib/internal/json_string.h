// JSON string escaping in the bytes nlohmann's dump(indent, ' ', false)
// writes for valid UTF-8: \" \\ \b \f \n \r \t, other control bytes as
// \u00xx, everything else as it is. Shared by the record encoder and the
// JSON-LD text writer.
#ifndef CLUSTERKG_INTERNAL_JSON_STRING_H_
#define CLUSTERKG_INTERNAL_JSON_STRING_H_

#include <array>
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
  auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    switch (kJsonBytes[c]) {
      case JsonByte::kPlain: ++i; continue;
      case JsonByte::kLead3:
        if (!cont(i + 1) || !cont(i + 2) || (c == 0xE0 && p[i + 1] < 0xA0) ||
            (c == 0xED && p[i + 1] > 0x9F)) {
          break;
        }
        i += 3;
        continue;
      case JsonByte::kLead2:
        if (!cont(i + 1)) break;
        i += 2;
        continue;
      case JsonByte::kLead4:
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3) || (c == 0xF0 && p[i + 1] < 0x90) ||
            (c == 0xF4 && p[i + 1] > 0x8F)) {
          break;
        }
        i += 4;
        continue;
      case JsonByte::kEscape:
        out.append(s.data() + run, i - run);
        AppendEscape(out, c);
        run = ++i;
        continue;
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
