// File: clusterkg/match.h
//
// The match stage: runs a RulePack over a normalised Document and returns
// every mention (a typed span with the rule that found it), the aliases the
// text declares, and relation candidates between mentions.
//
//   auto matcher = clusterkg::Matcher::Create(pack);          // once
//   clusterkg::MatchResult m = matcher.value()->Match(doc);  // per article
//   for (const clusterkg::Mention& x : m.mentions) ...
//
// How overlapping candidates are settled: longer span first, then higher
// priority, then earlier rule; a Place or Industry inside an
// IndustrialCluster name, and a Policy inside an Event name, are kept beside
// the longer mention (SPEC section 2). Names are bounded on the left by the
// pack's stop words and conjunctions (docs/rules.md).
#ifndef CLUSTERKG_MATCH_H_
#define CLUSTERKG_MATCH_H_

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "clusterkg/document.h"
#include "clusterkg/rules.h"
#include "clusterkg/segment.h"
#include "clusterkg/status.h"

namespace clusterkg {

// One mention: a span of Document::text naming an entity.
struct Mention {
  Span span;  // into Document::text
  EntityType type = EntityType::kOrganization;
  std::string name;                  // normalised name (for an expanded list item:
                                     // the item plus the shared suffix)
  std::vector<std::string> aliases;  // other names the mention itself gives
  std::string rule;                  // id of the rule, or "gazetteer:TYPE"
  int priority = 0;
  int gazetteer = -1;     // index into RulePack::gazetteer(), or -1
  int prefix_place = -1;  // gazetteer place the name starts with, or -1
  int sentence = -1;      // index into MatchResult::sentences
  std::string subtype;
};

// The text declares `alias` as another name of mentions[mention].
struct AliasLink {
  size_t mention = 0;
  std::string alias;
  std::string rule;
};

// A relation found by a rule between two mentions.
struct RelationMatch {
  RelationType type = RelationType::kLocation;
  size_t from = 0, to = 0;  // indices into mentions
  std::string rule;
  int sentence = -1;
};

// A name the corpus declared for an entity of this type (an alias learnt
// in another article), to be found in every article.
struct KnownAlias {
  std::string alias;
  EntityType type = EntityType::kOrganization;
  friend bool operator<(const KnownAlias& a, const KnownAlias& b) {
    return std::tie(a.alias, a.type) < std::tie(b.alias, b.type);
  }
  friend bool operator==(const KnownAlias&, const KnownAlias&) = default;
};

struct MatchResult {
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;  // sorted by span
  std::vector<AliasLink> aliases;
  std::vector<RelationMatch> relations;
};

// Why the mentions are what they are (clusterkg explain): every candidate
// that lost an overlap, with the mention that beat it, and every match of
// an entity rule that was no name, with why.
struct MatchTrace {
  struct Overlap {
    Mention loser;
    Mention winner;  // as it was when the overlap was settled
  };
  struct Dropped {
    Mention candidate;  // span and name as the rule matched them
    std::string why;
  };
  std::vector<Overlap> overlaps;
  std::vector<Dropped> dropped;
};

// WHAT THIS REPRESENTS: a RulePack prepared for matching (gazetteer trie).
// THREAD SAFETY: immutable after Create; Match may run concurrently.
class Matcher {
 public:
  static Result<std::shared_ptr<const Matcher>> Create(std::shared_ptr<const RulePack> pack,
                                                       const SegmentOptions& segment = {});
  // requires: doc normalised. Cannot fail. `known` adds names declared in
  // other articles: their occurrences become mentions (rule "alias.corpus").
  // `trace`, when given, receives the overlaps the final mentions won.
  MatchResult Match(const Document& doc, const std::vector<KnownAlias>& known = {},
                    MatchTrace* trace = nullptr) const;
  const RulePack& pack() const { return *pack_; }

  struct Trie;  // internal
  ~Matcher();

 private:
  Matcher() = default;
  std::shared_ptr<const RulePack> pack_;
  SegmentOptions segment_;
  std::unique_ptr<Trie> trie_;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_MATCH_H_
