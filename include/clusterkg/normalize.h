// File: clusterkg/normalize.h
//
// The normalise stage: rewrites a loaded Document's text into the one form
// the rules are written for, keeping the map back to the original bytes.
//
//   * NFKC (ICU): full-width letters, digits and signs become ASCII
//     (２０＋８ -> 20+8), the ideographic space becomes a space, full-width
//     punctuation such as ，：（） becomes , : ( ).
//   * Traditional to simplified (ICU transform "Hant-Hans"): 灣區 -> 湾区.
//   * Quotes: “ ” „ 「 」 〝 〞 and " become ", ‘ ’ 『 』 become '.
//
//   auto norm = clusterkg::Normalizer::Create();     // once; shareable
//   norm.value()->Apply(doc);                         // per document
//
// The rewrite works one code point at a time from a table built when the
// Normalizer is created, so a span of the new text maps to whole original
// characters.
#ifndef CLUSTERKG_NORMALIZE_H_
#define CLUSTERKG_NORMALIZE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/document.h"
#include "clusterkg/status.h"

namespace clusterkg {

// Options of the normalise stage.
//   field                 default   meaning
//   nfkc                  true      compatibility forms (width, ＋, ㈱)
//   traditional_to_simplified true  ICU Hant-Hans
//   unify_quotes          true      all double quotes -> ", single -> '
struct NormalizeOptions {
  bool nfkc = true;
  bool traditional_to_simplified = true;
  bool unify_quotes = true;
};

// WHAT THIS REPRESENTS: a compiled code point table of the options above.
// THREAD SAFETY: immutable after Create; Apply may run concurrently.
class Normalizer {
 public:
  // Builds the table with ICU. Errors: kInternal when ICU data is missing.
  static Result<std::shared_ptr<const Normalizer>> Create(const NormalizeOptions& options = {});

  // Rewrites doc.text and composes doc.offsets so they still reach doc.raw.
  // requires: doc.text is valid UTF-8 (as LoadFile guarantees).
  void Apply(Document& doc) const;

  // The normalised form of a string (names in rule packs and gazetteers).
  std::string Normalize(std::string_view s) const;

 private:
  Normalizer() = default;
  // Replacement of each BMP code point: an index into pool_, 0 = unchanged.
  std::vector<uint32_t> table_;
  std::string pool_;  // entries: one length byte, then the UTF-8 bytes
};

}  // namespace clusterkg

#endif  // CLUSTERKG_NORMALIZE_H_
