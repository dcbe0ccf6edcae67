// File: clusterkg/graph.h
//
// The graph stage: articles and entities as vertices of a Boost.Graph
// adjacency list, `mentions` edges from each article to the entities it
// names and one edge per relation. This is the only public header that
// includes Boost.
//
//   clusterkg::KnowledgeGraph g = clusterkg::KnowledgeGraph::Build(articles, pack);
//   for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) ...
//
// Vertex layout: articles first (vertex i = article i), then entities
// (vertex articles().size() + id).
#ifndef CLUSTERKG_GRAPH_H_
#define CLUSTERKG_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>
#include <string>
#include <vector>

#include "clusterkg/resolve.h"

namespace clusterkg {

// What the graph keeps of an article.
struct ArticleInfo {
  std::string iri;  // stable @id
  std::string id;   // JSONL id or path
  std::string url;  // path or URL as given
  std::string headline;
  std::string date;
  std::string author;
  // The article's record (record.h) as compact JSON, when the graph was
  // built with BuildOptions::records; written as ckg:record.
  std::string record;
};

// Options of KnowledgeGraph::Build.
//   field     default  meaning
//   records   false    keep each article's record (record.h) in its
//                      ArticleInfo, so that the output can be merged later
struct BuildOptions {
  bool records = false;
};

// WHAT THIS REPRESENTS: the knowledge graph of a set of articles.
// THREAD SAFETY: immutable after Build; const methods may run concurrently.
class KnowledgeGraph {
 public:
  struct VertexProps {
    bool is_article = false;
    uint32_t index = 0;  // into articles() or entities()
  };
  struct EdgeProps {
    bool is_mention = false;
    uint32_t index = 0;  // into relations() unless is_mention
  };
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps,
                                      EdgeProps>;
  using Vertex = Graph::vertex_descriptor;

  // Resolves the articles' mentions (resolve.h) and builds the graph.
  static KnowledgeGraph Build(const std::vector<Article>& articles, const RulePack& pack,
                              const BuildOptions& options = {});
  // Builds the graph of an existing resolution.
  static KnowledgeGraph Build(std::vector<ArticleInfo> articles, Resolution resolution);

  const Graph& graph() const { return graph_; }
  const std::vector<ArticleInfo>& articles() const { return articles_; }
  const std::vector<Entity>& entities() const { return resolution_.entities; }
  const std::vector<Relation>& relations() const { return resolution_.relations; }
  // Sentence co-occurrence of entity pairs; not edges of graph().
  const std::vector<CoOccurrence>& cooccurrences() const { return resolution_.cooccurrences; }
  const std::vector<EntityId>& ArticleEntities(size_t article) const {
    return resolution_.article_entities[article];
  }
  Vertex ArticleVertex(size_t article) const { return article; }
  Vertex EntityVertex(EntityId id) const { return articles_.size() + id; }
  // Stable @id: https://w3id.org/clusterkg/id/<type>/<name>.
  std::string EntityIri(EntityId id) const;

 private:
  std::vector<ArticleInfo> articles_;
  Resolution resolution_;
  Graph graph_;
};

// The stable @id of an article with this id (JSONL id or path).
std::string ArticleIri(const std::string& id);
// The stable @id of an entity of this type and canonical name.
std::string EntityIri(EntityType type, const std::string& name);

}  // namespace clusterkg

#endif  // CLUSTERKG_GRAPH_H_
