// libFuzzer target over load + normalise + extract + resolve + JSON-LD, and
// over reading records back (merge).
//
// Every input is read as a file (format sniffed), as a JSONL record, and as
// a JSON-LD/NDJSON file of records. Besides the sanitizers' checks, it traps
// when a mention's offsets leave the input or do not start on a character
// boundary, when an article's own record is refused or gives back another
// match, and when a rule's fast form (RE2 with checked bounds, or the
// head-anchored matcher) finds other matches in the input than its pattern.
//
//   scripts/fuzz.sh 60        # build with clang and run for 60 seconds
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "clusterkg/clusterkg.h"
#include "internal/fast_pattern.h"

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

void Run(clusterkg::Result<clusterkg::Article> r, bool round_trip) {
  if (!r.ok()) return;
  Check(*r);
  std::vector<clusterkg::Article> one;
  one.push_back(std::move(r).value());
  const auto g = clusterkg::KnowledgeGraph::Build(one, Ex().rules(), {.records = round_trip});
  std::ostringstream out;
  (void)clusterkg::JsonLdWriter({.indent = -1}).Write(g, out);
  if (!round_trip) return;
  // the hand-written record text is what nlohmann writes for its value
  {
    const std::string text = clusterkg::EncodeRecordText(one[0], Ex().rules());
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() ||
        j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) != text) {
      __builtin_trap();
    }
    // read back from the text with simdjson, as the spool reads it
    const auto back = clusterkg::DecodeRecordText(text, Ex().rules(), "fuzz");
    if (!back.ok() || back->doc.text != one[0].doc.text ||
        back->match.mentions.size() != one[0].match.mentions.size()) {
      __builtin_trap();
    }
  }
  // the output's record gives back the article
  std::istringstream in(out.str());
  std::vector<clusterkg::Status> errors;
  const auto back = clusterkg::ReadRecords(in, "fuzz.ndjson", Ex().rules(), &errors);
  if (!errors.empty() || back.size() != 1) __builtin_trap();
  const auto& x = one[0].match.mentions;
  const auto& y = back[0].match.mentions;
  if (x.size() != y.size() || back[0].doc.text != one[0].doc.text) __builtin_trap();
  for (size_t i = 0; i < x.size(); ++i) {
    if (!(x[i].span == y[i].span) || x[i].name != y[i].name) __builtin_trap();
  }
}

// Every rule with a fast form: the same matches and groups both ways.
void CheckFastForms(const std::string& text) {
  std::vector<std::string> slow, fast;
  for (const clusterkg::Rule& rule : Ex().rules().rules()) {
    if (!rule.fast) continue;
    for (bool use_fast : {false, true}) {
      std::vector<std::string>& out = use_fast ? fast : slow;
      out.clear();
      clusterkg::internal::ForEachRuleMatch(
          rule, text, 0, static_cast<uint32_t>(text.size()), use_fast,
          [&](std::span<const re2::StringPiece> g) {
            for (const auto& sp : g) {
              out.push_back(sp.data() ? std::to_string(sp.data() - text.data()) + "+" +
                                            std::to_string(sp.size())
                                      : "-");
            }
          });
    }
    if (slow != fast) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (size <= 4096) CheckFastForms(input);  // the patterns as written are slow on long input
  Run(Ex().ExtractString(input, "fuzz.txt"), true);
  Run(Ex().ExtractString(input, "fuzz.html"), true);
  Run(Ex().ExtractJsonRecord(input, "fuzz.jsonl", 1), false);
  // the input as records to merge: refused or read, never a crash
  std::istringstream in(input);
  std::vector<clusterkg::Status> errors;
  std::vector<clusterkg::Article> read =
      clusterkg::ReadRecords(in, "fuzz.ndjson", Ex().rules(), &errors);
  if (!read.empty()) {
    clusterkg::ApplyCorpusAliases(Ex(), read);
    for (const auto& a : read) Check(a);
    (void)clusterkg::KnowledgeGraph::Build(read, Ex().rules());
  }
  // the input as one record's text: refused or read, never a crash
  if (auto a = clusterkg::DecodeRecordText(input, Ex().rules(), "fuzz"); a.ok()) Check(*a);
  return 0;
}
