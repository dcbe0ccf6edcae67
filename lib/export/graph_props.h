// Internal: string attributes of a KnowledgeGraph's vertices and edges, for
// the GraphML and DOT writers.
#ifndef CLUSTERKG_LIB_EXPORT_GRAPH_PROPS_H_
#define CLUSTERKG_LIB_EXPORT_GRAPH_PROPS_H_

#include <map>
#include <string>
#include <vector>

#include "clusterkg/graph.h"

namespace clusterkg::internal {

struct GraphProps {
  std::vector<std::string> kind, type, name, iri;  // per vertex
  std::map<KnowledgeGraph::Graph::edge_descriptor, std::string> relation;

  explicit GraphProps(const KnowledgeGraph& g) {
    const auto& gr = g.graph();
    const size_t n = boost::num_vertices(gr);
    kind.resize(n);
    type.resize(n);
    name.resize(n);
    iri.resize(n);
    for (size_t v = 0; v < n; ++v) {
      const auto& p = gr[v];
      if (p.is_article) {
        const ArticleInfo& a = g.articles()[p.index];
        kind[v] = "article";
        type[v] = "NewsArticle";
        name[v] = a.headline.empty() ? a.url : a.headline;
        iri[v] = a.iri;
      } else {
        const Entity& e = g.entities()[p.index];
        kind[v] = "entity";
        type[v] = std::string(EntityTypeName(e.type));
        name[v] = e.name;
        iri[v] = g.EntityIri(e.id);
      }
    }
    for (auto [it, end] = boost::edges(gr); it != end; ++it) {
      const auto& p = gr[*it];
      relation[*it] =
          p.is_mention ? "mentions" : std::string(RelationTypeName(g.relations()[p.index].type));
    }
  }
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_EXPORT_GRAPH_PROPS_H_
