// Internal: aliases learnt in one article, applied in another. The scan
// ApplyCorpusAliases runs over each article, kept apart so that the spooled
// corpus (spool.h) can run it on articles it decodes one batch at a time.
#ifndef CLUSTERKG_INTERNAL_ALIAS_SCAN_H_
#define CLUSTERKG_INTERNAL_ALIAS_SCAN_H_

#include <array>
#include <vector>

#include "clusterkg/extractor.h"

namespace clusterkg::internal {

// Appends the aliases `a` declares (what CorpusAliases collects of it).
void AppendDeclaredAliases(const Article& a, std::vector<KnownAlias>& out);

// THREAD SAFETY: immutable after construction; Apply may run concurrently.
class AliasScan {
 public:
  // `known`: sorted and unique, as CorpusAliases gives them.
  explicit AliasScan(std::vector<KnownAlias> known);
  bool empty() const { return known_.empty(); }
  // Matches `a` again when its text contains a known alias that its first
  // match does not find (so that applying twice changes nothing). Returns
  // whether it did.
  bool Apply(const Extractor& extractor, Article& a) const;

 private:
  std::vector<KnownAlias> known_;
  // the known names by their first byte: one pass over a text finds every
  // known name it contains, however many the corpus declares
  std::array<std::vector<size_t>, 256> by_first_;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_ALIAS_SCAN_H_
