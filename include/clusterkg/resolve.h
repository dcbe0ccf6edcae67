// File: clusterkg/resolve.h
//
// The resolve stage: turns the mentions of a set of articles into entities,
// one per thing, and their relations. Mentions are joined when they share a
// name key within a type: the same gazetteer entry, a declared alias
// (以下简称"深圳先进院", 中国声谷(合肥智能语音集群)), an administrative
// suffix variant (深圳 / 深圳市, 南山区人民政府 / 南山区政府), or a cluster's
// short and long names (深圳新一代信息通信集群 / 深圳市新一代信息通信产业集群
// / 新一代集群). Aliases learnt in one article hold in every other.
//
//   std::vector<clusterkg::Article> articles = ...;   // from the Extractor
//   clusterkg::Resolution r = clusterkg::Resolve(articles, pack);
//
// Canonical names: the gazetteer's name when there is one, else the longest
// name the text gives (ties: the smallest in byte order), so the same input
// set always gives the same names.
#ifndef CLUSTERKG_RESOLVE_H_
#define CLUSTERKG_RESOLVE_H_

#include <memory>
#include <string>
#include <vector>

#include "clusterkg/document.h"
#include "clusterkg/match.h"
#include "clusterkg/rules.h"

namespace clusterkg {

// One processed article: the normalised document and what matched in it.
struct Article {
  Document doc;
  MatchResult match;
  // The match before Extractor::Rematch added names learnt in other
  // articles (null if never re-matched): the record of the article
  // (record.h) keeps this one, so that a merge applies the corpus's aliases
  // exactly as one run would.
  std::shared_ptr<const MatchResult> first_match;
  const MatchResult& FirstMatch() const { return first_match ? *first_match : match; }
};

using EntityId = uint32_t;

// Where an entity is named: byte offsets into the article's original input.
struct EntityMention {
  size_t article = 0;  // index into the articles given to Resolve
  uint32_t start = 0;  // raw byte offsets, end exclusive
  uint32_t end = 0;
  std::string text;  // the original bytes [start, end)
  std::string rule;
  int sentence = -1;
};

struct Entity {
  EntityId id = 0;
  EntityType type = EntityType::kOrganization;
  std::string name;                  // canonical
  std::vector<std::string> aliases;  // sorted, without the name
  std::string subtype;               // schema.org class beside the base class
  std::string iri;                   // from the gazetteer, may be empty
  std::vector<EntityMention> mentions;
};

// Evidence of one relation: the article, the sentence (normalised text, and
// its byte offsets into the article's original input) and the rule.
struct Evidence {
  size_t article = 0;
  std::string sentence;
  std::string rule;
  uint32_t start = 0;  // raw byte offsets of the sentence, end exclusive
  uint32_t end = 0;
};

struct Relation {
  RelationType type = RelationType::kLocation;
  EntityId from = 0, to = 0;
  std::vector<Evidence> evidence;
};

// Two entities named in one sentence, and in how many sentences.
struct CoOccurrence {
  EntityId a = 0, b = 0;  // a < b
  uint32_t count = 0;
};

struct Resolution {
  std::vector<Entity> entities;             // ordered by (type, name); id = index
  std::vector<Relation> relations;          // ordered by (type, from, to)
  std::vector<CoOccurrence> cooccurrences;  // ordered by (a, b); apart from relations
  // per article: the entities it mentions, sorted
  std::vector<std::vector<EntityId>> article_entities;
};

// requires: the articles were matched with `pack`. Cannot fail.
// Article indices in the result are positions in `articles`.
Resolution Resolve(const std::vector<Article>& articles, const RulePack& pack);
Resolution Resolve(const std::vector<const Article*>& articles, const RulePack& pack);

}  // namespace clusterkg

#endif  // CLUSTERKG_RESOLVE_H_
