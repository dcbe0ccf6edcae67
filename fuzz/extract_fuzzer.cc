// libFuzzer target over load + normalise + extract + resolve + JSON-LD.
//
// Every input is read as a file (format sniffed), and as a JSONL record.
// Besides the sanitizers' checks, it traps when a mention's offsets leave
// the input or do not start on a character boundary.
//
//   scripts/fuzz.sh 60        # build with clang and run for 60 seconds
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "clusterkg/clusterkg.h"

namespace {

const clusterkg::Extractor& Ex() {
  static const auto ex = clusterkg::Extractor::Create().value();
  return *ex;
}

void Check(const clusterkg::Article& a) {
  for (const clusterkg::Mention& m : a.match.mentions) {
    if (m.span.begin > m.span.end || m.span.end > a.doc.text.size()) __builtin_trap();
    const auto [b, e] = a.doc.offsets.ToRaw(m.span);
    if (b > e || e > a.doc.raw.size()) __builtin_trap();
    if (b < a.doc.raw.size() && (static_cast<unsigned char>(a.doc.raw[b]) & 0xC0) == 0x80) {
      __builtin_trap();  // a mention must start on a character
    }
  }
}

void Run(clusterkg::Result<clusterkg::Article> r) {
  if (!r.ok()) return;
  Check(*r);
  std::vector<clusterkg::Article> one;
  one.push_back(std::move(r).value());
  const auto g = clusterkg::KnowledgeGraph::Build(one, Ex().rules());
  std::ostringstream out;
  (void)clusterkg::JsonLdWriter({.indent = -1}).Write(g, out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  Run(Ex().ExtractString(input, "fuzz.txt"));
  Run(Ex().ExtractString(input, "fuzz.html"));
  Run(Ex().ExtractJsonRecord(input, "fuzz.jsonl", 1));
  return 0;
}
