// The graph stage: vertices for articles and entities, edges for mentions
// and relations.
#include <catch2/catch.hpp>

#include "test_util.h"

using namespace clusterkg;

TEST_CASE("the Boost graph has a vertex per article and entity and an edge per fact") {
  std::vector<Article> arts;
  arts.push_back(clusterkg::testing::MustExtract("苏州纳米新材料集群发展。", "a.txt"));
  arts.push_back(clusterkg::testing::MustExtract("苏州市召开大会。", "b.txt"));
  const auto g = clusterkg::testing::GraphOf(std::move(arts));
  const auto& gr = g.graph();
  CHECK(boost::num_vertices(gr) == 2 + g.entities().size());
  // 苏州纳米新材料集群, 苏州, 纳米新材料
  CHECK(g.entities().size() == 3);
  CHECK(g.ArticleEntities(0).size() == 3);
  CHECK(g.ArticleEntities(1).size() == 1);
  size_t mentions = 0, relations = 0;
  for (auto [it, end] = boost::edges(gr); it != end; ++it) {
    (gr[*it].is_mention ? mentions : relations) += 1;
  }
  CHECK(mentions == 4);
  CHECK(relations == g.relations().size());
  CHECK(relations == 2);  // location and industry of the cluster
  CHECK(gr[g.ArticleVertex(1)].is_article);
  CHECK_FALSE(gr[g.EntityVertex(0)].is_article);
  CHECK(g.articles()[1].iri == ArticleIri("b.txt"));
}

TEST_CASE("entity IRIs are readable and derived from type and name") {
  CHECK(EntityIri(EntityType::kPlace, "深圳") == "https://w3id.org/clusterkg/id/place/深圳");
  CHECK(EntityIri(EntityType::kPolicy, "\"20+8\"政策") ==
        "https://w3id.org/clusterkg/id/policy/%2220%2B8%22政策");
  // escapes one after another, and at the end; unreserved ASCII kept
  CHECK(EntityIri(EntityType::kIndustrialCluster, "A-b_c.d~e f/&") ==
        "https://w3id.org/clusterkg/id/industrialcluster/A-b_c.d~e%20f%2F%26");
  CHECK(ArticleIri("a.txt") == ArticleIri("a.txt"));
  CHECK(ArticleIri("a.txt") != ArticleIri("b.txt"));
}
