// The segment stage: rule-based sentence boundaries for Chinese news text.
#include "clusterkg/segment.h"

#include "internal/utf8.h"

namespace clusterkg {
namespace {

bool IsFinal(int32_t cp, bool semicolon) {
  return cp == 0x3002 /*。*/ || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?' ||
         (semicolon && (cp == 0xFF1B || cp == ';')) || cp == 0x2026 /*…*/;
}
bool IsCloser(int32_t cp) {
  return cp == ')' || cp == 0x300B /*》*/ || cp == 0x3011 /*】*/ || cp == 0x201D || cp == 0x2019;
}
bool IsSpace(int32_t cp) { return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000; }

void Emit(std::string_view text, uint32_t b, uint32_t e, std::vector<Sentence>& out,
          const SegmentOptions& opt) {
  while (b < e && IsSpace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && IsSpace(static_cast<unsigned char>(text[e - 1]))) --e;
  while (e - b > opt.max_bytes) {
    // cut an overlong run at its last comma before the limit, else hard at a
    // code point boundary
    uint32_t cut = b + opt.max_bytes;
    const size_t comma = text.substr(b, opt.max_bytes).rfind(',');
    if (comma != std::string_view::npos && comma > 0) {
      cut = b + static_cast<uint32_t>(comma) + 1;
    } else {
      while (cut > b && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out.push_back({{b, cut}});
    b = cut;
  }
  if (e > b) out.push_back({{b, e}});
}

}  // namespace

std::vector<Sentence> Segment(std::string_view text, const SegmentOptions& options) {
  std::vector<Sentence> out;
  uint32_t start = 0;
  size_t i = 0, len = 0;
  while (i < text.size()) {
    const int32_t cp = internal::DecodeUtf8(text, i, &len);
    if (cp == '\n') {
      Emit(text, start, static_cast<uint32_t>(i), out, options);
      start = static_cast<uint32_t>(i + 1);
      i += 1;
      continue;
    }
    i += len;
    if (IsFinal(cp, options.split_semicolon)) {
      // runs of final marks and the quotes or brackets that close the sentence
      while (i < text.size()) {
        const int32_t next = internal::DecodeUtf8(text, i, &len);
        if (next == '"' || next == '\'') {
          // a quote after the final mark closes this sentence when the
          // sentence left one open (quotes are unified, so count them)
          size_t open = 0;
          for (size_t k = start; k < i; ++k) open += text[k] == static_cast<char>(next);
          if (open % 2 == 0) break;
        } else if (!IsFinal(next, options.split_semicolon) && !IsCloser(next)) {
          break;
        }
        i += len;
      }
      Emit(text, start, static_cast<uint32_t>(i), out, options);
      start = static_cast<uint32_t>(i);
    }
  }
  Emit(text, start, static_cast<uint32_t>(text.size()), out, options);
  return out;
}

}  // namespace clusterkg
