// Internal: the resolve stage in two passes over the articles, so that a
// corpus need not be held in memory (spool.h). Resolve() (resolve.h) drives
// it over a vector; CorpusSpool drives it over records on disk. Both give
// the same entities, relations and evidence in the same order.
//
//   Resolver r(pack);
//   for (a : articles) nodes[a] = r.AddNames(a);          // pass 1
//   r.FinishNames();                                      // entities
//   for (a : articles) r.AddRelations(a, i, nodes[i], sink);  // pass 2
//
// Memory: the distinct name keys, entities, relation keys and co-occurring
// pairs; mentions and evidence go to the sink as they are found.
#ifndef CLUSTERKG_INTERNAL_RESOLVER_H_
#define CLUSTERKG_INTERNAL_RESOLVER_H_

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "clusterkg/resolve.h"

namespace clusterkg::internal {

using RelationKey = std::tuple<RelationType, EntityId, EntityId>;

// Where pass 2 puts what grows with the corpus.
class ResolveSink {
 public:
  virtual ~ResolveSink() = default;
  // A mention of entity `e`, in article order, then mention order.
  virtual void Mention(EntityId e, EntityMention&& m) = 0;
  // The entities article `a` mentions, sorted.
  virtual void ArticleEntities(size_t a, std::vector<EntityId>&& ids) = 0;
  // Evidence of a relation. A relation's evidence is that of phase 0 in the
  // order given, then that of phase 1 in the order given.
  virtual void Evidence(const RelationKey& key, int phase, clusterkg::Evidence&& ev) = 0;
};

// The order of an entity's mentions: by article, then raw offsets (ties in
// the order the article gives them).
void SortMentions(std::vector<EntityMention>& mentions);

class Resolver {
 public:
  explicit Resolver(const RulePack& pack);
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // Pass 1, articles in their final order: joins names. Returns the name
  // node of each of the article's mentions (give it back to AddRelations).
  std::vector<uint32_t> AddNames(const Article& a);
  // After pass 1: the entities, ordered by (type, name), without mentions.
  void FinishNames();
  const std::vector<Entity>& entities() const;
  // Pass 2, the same articles in the same order (`index` counts from 0).
  void AddRelations(const Article& a, size_t index, const std::vector<uint32_t>& nodes,
                    ResolveSink& sink);
  // After pass 2, once each: every relation key, sorted, and the
  // co-occurring pairs, ordered by (a, b). The resolver lets go of them.
  std::vector<RelationKey> TakeRelationKeys();
  std::vector<CoOccurrence> TakeCoOccurrences();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_RESOLVER_H_
