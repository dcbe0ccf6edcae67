// File: clusterkg/analytics.h
//
// Questions an analyst asks of a KnowledgeGraph: how many of each type,
// which entities are central, how the graph falls apart into components,
// what is known of each industrial cluster, and how two entities connect.
// Computed with Boost.Graph (degree, Brandes betweenness centrality,
// connected components, breadth-first search); Boost stays out of this
// header.
//
//   clusterkg::GraphStats s = clusterkg::ComputeStats(graph, {.top = 10});
//   auto path = clusterkg::ShortestPath(graph, *FindEntity(graph, "华为"),
//                                       *FindEntity(graph, "合肥智能语音集群"));
#ifndef CLUSTERKG_ANALYTICS_H_
#define CLUSTERKG_ANALYTICS_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/graph.h"

namespace clusterkg {

// Options of ComputeStats.
//   field   default  meaning
//   top     10       entities listed per ranking
struct StatsOptions {
  size_t top = 10;
};

struct EntityScore {
  EntityId id = 0;
  double value = 0;
};

// Rankings use the entity graph: entities as vertices, an undirected edge
// for every typed relation and every sentence co-occurrence.
struct GraphStats {
  size_t articles = 0;
  size_t entities = 0;
  size_t relations = 0;
  // per EntityType / RelationType value, declared ones included
  std::array<size_t, 256> by_type{};
  std::array<size_t, 256> by_relation{};
  std::vector<EntityScore> top_mentions;     // most mentions
  std::vector<EntityScore> top_degree;       // most distinct neighbours
  std::vector<EntityScore> top_betweenness;  // Brandes betweenness centrality
  std::vector<size_t> component_sizes;       // connected components, largest first
};

GraphStats ComputeStats(const KnowledgeGraph& g, const StatsOptions& options = {});

// What the graph knows of one industrial cluster.
struct ClusterProfile {
  EntityId cluster = 0;
  std::vector<EntityId> places, promotion_agencies, leading_enterprises, industries;
  std::vector<EntityId> policies;  // policies named in the cluster's articles
  std::vector<size_t> articles;    // articles that mention the cluster
};

// One profile per IndustrialCluster entity, in entity order.
std::vector<ClusterProfile> ClusterProfiles(const KnowledgeGraph& g);

// The entity with this canonical name or alias (normalised forms compare
// equal only if given normalised); the first by type order when several.
std::optional<EntityId> FindEntity(const KnowledgeGraph& g, std::string_view name);

// One step of a path: a vertex, and the edge that led to it ("" for the
// first): a relation name, "mentions" or "mentioned by".
struct PathStep {
  KnowledgeGraph::Vertex vertex = 0;
  std::string via;
};

// A shortest path between two entities over relations and mentions (an
// article that mentions both connects them), or empty when there is none.
std::vector<PathStep> ShortestPath(const KnowledgeGraph& g, EntityId from, EntityId to);

}  // namespace clusterkg

#endif  // CLUSTERKG_ANALYTICS_H_
