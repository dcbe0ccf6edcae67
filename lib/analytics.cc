// Graph analytics with Boost.Graph.
#include "clusterkg/analytics.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <map>
#include <set>

namespace clusterkg {
namespace {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Entities, with an edge per related or co-occurring pair (once per pair).
Undirected EntityGraph(const KnowledgeGraph& g) {
  Undirected u(g.entities().size());
  std::set<std::pair<EntityId, EntityId>> seen;
  auto link = [&](EntityId a, EntityId b) {
    if (a == b) return;
    if (a > b) std::swap(a, b);
    if (seen.insert({a, b}).second) boost::add_edge(a, b, u);
  };
  for (const Relation& r : g.relations()) link(r.from, r.to);
  for (const CoOccurrence& c : g.cooccurrences()) link(c.a, c.b);
  return u;
}

std::vector<EntityScore> Top(std::vector<EntityScore> all, size_t n) {
  std::stable_sort(all.begin(), all.end(), [](const EntityScore& a, const EntityScore& b) {
    return a.value != b.value ? a.value > b.value : a.id < b.id;
  });
  all.erase(
      std::remove_if(all.begin(), all.end(), [](const EntityScore& s) { return s.value <= 0; }),
      all.end());
  if (all.size() > n) all.resize(n);
  return all;
}

void AddUnique(std::vector<EntityId>& v, EntityId id) {
  if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
}

}  // namespace

GraphStats ComputeStats(const KnowledgeGraph& g, const StatsOptions& options) {
  GraphStats s;
  s.articles = g.articles().size();
  s.entities = g.entities().size();
  s.relations = g.relations().size();
  for (const Entity& e : g.entities()) ++s.by_type[static_cast<int>(e.type)];
  for (const Relation& r : g.relations()) ++s.by_relation[static_cast<int>(r.type)];
  if (g.entities().empty()) return s;

  const Undirected u = EntityGraph(g);
  std::vector<EntityScore> mentions, degree, between;
  for (const Entity& e : g.entities()) {
    mentions.push_back({e.id, static_cast<double>(e.mentions.size())});
    degree.push_back({e.id, static_cast<double>(boost::degree(e.id, u))});
  }
  std::vector<double> centrality(boost::num_vertices(u), 0.0);
  boost::brandes_betweenness_centrality(
      u, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, u)));
  for (const Entity& e : g.entities()) between.push_back({e.id, centrality[e.id]});
  s.top_mentions = Top(std::move(mentions), options.top);
  s.top_degree = Top(std::move(degree), options.top);
  s.top_betweenness = Top(std::move(between), options.top);

  std::vector<int> component(boost::num_vertices(u));
  const int n = boost::connected_components(u, component.data());
  s.component_sizes.assign(static_cast<size_t>(n), 0);
  for (int c : component) ++s.component_sizes[static_cast<size_t>(c)];
  std::sort(s.component_sizes.rbegin(), s.component_sizes.rend());
  return s;
}

std::vector<ClusterProfile> ClusterProfiles(const KnowledgeGraph& g) {
  std::map<EntityId, ClusterProfile> by_cluster;
  for (const Entity& e : g.entities()) {
    if (e.type != EntityType::kIndustrialCluster) continue;
    ClusterProfile p;
    p.cluster = e.id;
    for (const EntityMention& m : e.mentions) {
      if (std::find(p.articles.begin(), p.articles.end(), m.article) == p.articles.end()) {
        p.articles.push_back(m.article);
      }
    }
    by_cluster.emplace(e.id, std::move(p));
  }
  for (const Relation& r : g.relations()) {
    auto it = by_cluster.find(r.from);
    if (it == by_cluster.end()) continue;
    ClusterProfile& p = it->second;
    switch (r.type) {
      case RelationType::kLocation: AddUnique(p.places, r.to); break;
      case RelationType::kPromotionAgency: AddUnique(p.promotion_agencies, r.to); break;
      case RelationType::kLeadingEnterprise: AddUnique(p.leading_enterprises, r.to); break;
      case RelationType::kIndustry: AddUnique(p.industries, r.to); break;
      default: break;
    }
  }
  for (auto& [id, p] : by_cluster) {
    for (size_t a : p.articles) {
      for (EntityId e : g.ArticleEntities(a)) {
        if (g.entities()[e].type == EntityType::kPolicy) AddUnique(p.policies, e);
      }
    }
    std::sort(p.policies.begin(), p.policies.end());
  }
  std::vector<ClusterProfile> out;
  for (auto& [id, p] : by_cluster) out.push_back(std::move(p));
  return out;
}

std::optional<EntityId> FindEntity(const KnowledgeGraph& g, std::string_view name) {
  for (const Entity& e : g.entities()) {
    if (e.name == name) return e.id;
  }
  for (const Entity& e : g.entities()) {
    if (std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end()) return e.id;
  }
  return std::nullopt;
}

std::vector<PathStep> ShortestPath(const KnowledgeGraph& g, EntityId from, EntityId to) {
  // the whole graph, undirected: relations and mention edges
  const auto& gr = g.graph();
  const size_t n = boost::num_vertices(gr);
  Undirected u(n);
  std::map<std::pair<size_t, size_t>, std::string> label;
  for (auto [it, end] = boost::edges(gr); it != end; ++it) {
    const size_t s = boost::source(*it, gr), t = boost::target(*it, gr);
    const auto& p = gr[*it];
    const std::string name =
        p.is_mention ? "mentions" : std::string(RelationTypeName(g.relations()[p.index].type));
    boost::add_edge(s, t, u);
    label.emplace(std::make_pair(s, t), name);
    label.emplace(std::make_pair(t, s), p.is_mention ? "mentioned by" : name + " (reverse)");
  }
  const size_t src = g.EntityVertex(from), dst = g.EntityVertex(to);
  std::vector<size_t> pred(n);
  for (size_t v = 0; v < n; ++v) pred[v] = v;
  boost::breadth_first_search(
      u, src,
      boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
          boost::make_iterator_property_map(pred.begin(), boost::get(boost::vertex_index, u)),
          boost::on_tree_edge()))));
  if (src != dst && pred[dst] == dst) return {};
  std::vector<PathStep> path;
  for (size_t v = dst; v != src; v = pred[v]) path.push_back({v, label[{pred[v], v}]});
  path.push_back({src, ""});
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace clusterkg
