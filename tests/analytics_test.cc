// Graph analytics: counts, rankings, components, cluster profiles, paths.
#include <catch2/catch.hpp>

#include "test_util.h"

using namespace clusterkg;
using clusterkg::testing::MustExtract;

namespace {
KnowledgeGraph Sample() {
  std::vector<Article> arts;
  arts.push_back(
      MustExtract("常州市智能制造协会作为常州智能装备集群促进机构。"
                  "集群依托常州精工机械有限公司、常州星宇驱动科技有限公司等龙头企业。"
                  "常州市人民政府印发《常州市智能装备产业发展行动计划》。",
                  "a.txt"));
  arts.push_back(MustExtract("河海大学与常州精工机械有限公司签署合作协议。", "b.txt"));
  arts.push_back(MustExtract("西安航空集群订单饱满。", "c.txt"));
  return clusterkg::testing::GraphOf(std::move(arts));
}
std::string Name(const KnowledgeGraph& g, EntityId id) { return g.entities()[id].name; }
}  // namespace

TEST_CASE("stats count by type / rank entities and find components") {
  const auto g = Sample();
  const GraphStats s = ComputeStats(g, {.top = 3});
  CHECK(s.articles == 3);
  CHECK(s.entities == g.entities().size());
  CHECK(s.by_type[static_cast<int>(EntityType::kIndustrialCluster)] == 2);
  CHECK(s.by_relation[static_cast<int>(RelationType::kLeadingEnterprise)] == 2);
  REQUIRE(s.top_degree.size() == 3);
  CHECK(Name(g, s.top_degree[0].id) == "常州智能装备集群");
  REQUIRE_FALSE(s.top_betweenness.empty());
  CHECK(Name(g, s.top_betweenness[0].id) == "常州智能装备集群");
  // 西安航空集群 and 西安 are apart from the 常州 component
  REQUIRE(s.component_sizes.size() == 2);
  CHECK(s.component_sizes[1] == 2);
  CHECK(s.component_sizes[0] + s.component_sizes[1] == g.entities().size());
}

TEST_CASE("a cluster profile gathers place / agency / enterprises / industry / policies") {
  const auto g = Sample();
  const auto profiles = ClusterProfiles(g);
  REQUIRE(profiles.size() == 2);
  const ClusterProfile& p = profiles[0];
  CHECK(Name(g, p.cluster) == "常州智能装备集群");
  REQUIRE(p.places.size() == 1);
  CHECK(Name(g, p.places[0]) == "常州");
  REQUIRE(p.promotion_agencies.size() == 1);
  CHECK(Name(g, p.promotion_agencies[0]) == "常州市智能制造协会");
  CHECK(p.leading_enterprises.size() == 2);
  REQUIRE(p.industries.size() == 1);
  CHECK(Name(g, p.industries[0]) == "智能装备");
  REQUIRE(p.policies.size() == 1);
  CHECK(Name(g, p.policies[0]) == "《常州市智能装备产业发展行动计划》");
  CHECK(p.articles == std::vector<size_t>{0});
}

TEST_CASE("paths run over relations and shared articles / and names or aliases find entities") {
  const auto g = Sample();
  const auto from = FindEntity(g, "河海大学");
  const auto to = FindEntity(g, "常州智能装备集群");
  REQUIRE((from && to));
  const auto path = ShortestPath(g, *from, *to);
  REQUIRE(path.size() == 3);
  CHECK(path[1].via == "partner");
  CHECK_FALSE(g.graph()[path[1].vertex].is_article);
  CHECK(Name(g, g.graph()[path[1].vertex].index) == "常州精工机械有限公司");
  CHECK(path[2].via == "leadingEnterprise (reverse)");
  CHECK(FindEntity(g, "常州市") == FindEntity(g, "常州"));
  CHECK_FALSE(FindEntity(g, "不存在"));
  const auto apart = ShortestPath(g, *from, *FindEntity(g, "西安航空集群"));
  CHECK(apart.empty());
}
