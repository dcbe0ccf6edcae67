// The graph stage: Boost.Graph adjacency list of articles and entities.
#include "clusterkg/graph.h"

#include "clusterkg/record.h"
#include "internal/entity_iri.h"
#include "internal/stable_hash.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace clusterkg {

std::string ArticleIri(const std::string& id) {
  std::string iri = "https://w3id.org/clusterkg/id/article/";
  internal::AppendStableHash(iri, id);
  return iri;
}

void internal::AppendEntityIri(std::string& out, EntityType type, std::string_view name) {
  constexpr std::string_view kBase = "https://w3id.org/clusterkg/id/";
  const std::string_view t = EntityTypeName(type);
  out.reserve(out.size() + kBase.size() + t.size() + 1 + name.size());
  out.append(kBase);
  for (char c : t) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out += '/';
  // the name as an IRI path segment: ASCII bytes other than unreserved
  // ones percent-encoded, other characters (CJK) kept, as IRIs allow;
  // appended in runs between the escapes
  static const char* hex = "0123456789ABCDEF";
  size_t run = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (keep) continue;
    out.append(name.data() + run, i - run);
    const char escape[3] = {'%', hex[c >> 4], hex[c & 15]};
    out.append(escape, 3);
    run = i + 1;
  }
  out.append(name.data() + run, name.size() - run);
}

std::string EntityIri(EntityType type, const std::string& name) {
  std::string iri;
  internal::AppendEntityIri(iri, type, name);
  return iri;
}

std::string KnowledgeGraph::EntityIri(EntityId id) const {
  const Entity& e = resolution_.entities[id];
  return clusterkg::EntityIri(e.type, e.name);
}

KnowledgeGraph KnowledgeGraph::Build(const std::vector<Article>& articles, const RulePack& pack,
                                     const BuildOptions& options) {
  // Articles in the order of their ids, so that the graph and every output
  // are the same for the same set of articles in any order.
  std::vector<const Article*> sorted;
  sorted.reserve(articles.size());
  for (const Article& a : articles) sorted.push_back(&a);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Article* x, const Article* y) {
    return std::tie(x->doc.id, x->doc.url) < std::tie(y->doc.id, y->doc.url);
  });
  std::vector<ArticleInfo> infos;
  infos.reserve(sorted.size());
  for (const Article* a : sorted) {
    infos.push_back({ArticleIri(a->doc.id), a->doc.id, a->doc.url, a->doc.headline, a->doc.date,
                     a->doc.author, ""});
    if (options.records) {
      infos.back().record = EncodeRecordText(*a, pack);
    }
  }
  return Build(std::move(infos), Resolve(sorted, pack));
}

KnowledgeGraph KnowledgeGraph::Build(std::vector<ArticleInfo> articles, Resolution resolution) {
  KnowledgeGraph g;
  g.articles_ = std::move(articles);
  g.resolution_ = std::move(resolution);
  g.graph_ = Graph(g.articles_.size() + g.resolution_.entities.size());
  for (size_t a = 0; a < g.articles_.size(); ++a) g.graph_[a] = {true, static_cast<uint32_t>(a)};
  for (size_t e = 0; e < g.resolution_.entities.size(); ++e) {
    g.graph_[g.EntityVertex(static_cast<EntityId>(e))] = {false, static_cast<uint32_t>(e)};
  }
  for (size_t a = 0; a < g.articles_.size(); ++a) {
    for (EntityId id : g.resolution_.article_entities[a]) {
      boost::add_edge(g.ArticleVertex(a), g.EntityVertex(id), EdgeProps{true, 0}, g.graph_);
    }
  }
  for (size_t r = 0; r < g.resolution_.relations.size(); ++r) {
    const Relation& rel = g.resolution_.relations[r];
    boost::add_edge(g.EntityVertex(rel.from), g.EntityVertex(rel.to),
                    EdgeProps{false, static_cast<uint32_t>(r)}, g.graph_);
  }
  return g;
}

}  // namespace clusterkg
