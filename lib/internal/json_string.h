// JSON string escaping in the bytes nlohmann's dump(indent, ' ', false)
// writes for valid UTF-8: \" \\ \b \f \n \r \t, other control bytes as
// \u00xx, everything else as it is. Shared by the record encoder and the
// JSON-LD text writer.
#ifndef CLUSTERKG_INTERNAL_JSON_STRING_H_
#define CLUSTERKG_INTERNAL_JSON_STRING_H_

#include <string>
#include <string_view>

namespace clusterkg::internal {

// requires: s is valid UTF-8 (nlohmann replaces invalid bytes; callers
// that may hold such bytes check first).
inline void AppendJsonString(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
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
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_JSON_STRING_H_
