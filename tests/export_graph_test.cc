// GraphML and DOT output through Boost's writers.
#include <catch2/catch.hpp>
#include <sstream>

#include "test_util.h"

using namespace clusterkg;

namespace {
KnowledgeGraph Sample() {
  std::vector<Article> arts;
  arts.push_back(clusterkg::testing::MustExtract("苏州纳米新材料集群发展。", "a.txt"));
  return clusterkg::testing::GraphOf(std::move(arts));
}
}  // namespace

TEST_CASE("GraphML has typed / named nodes and labelled edges") {
  std::ostringstream out;
  REQUIRE(GraphMlWriter().Write(Sample(), out).ok());
  const std::string s = out.str();
  CHECK_THAT(s, Catch::Contains("<graphml"));
  CHECK_THAT(s, Catch::Contains("attr.name=\"type\""));
  CHECK_THAT(s, Catch::Contains(">IndustrialCluster</data>"));
  CHECK_THAT(s, Catch::Contains(">苏州纳米新材料集群</data>"));
  CHECK_THAT(s, Catch::Contains(">location</data>"));
  CHECK_THAT(s, Catch::Contains(">mentions</data>"));
  CHECK(std::count(s.begin(), s.end(), '\n') > 10);
}

TEST_CASE("DOT names nodes by IRI and labels them") {
  std::ostringstream out;
  REQUIRE(DotWriter().Write(Sample(), out).ok());
  const std::string s = out.str();
  CHECK(s.rfind("digraph", 0) == 0);
  CHECK_THAT(s, Catch::Contains("label=\"苏州纳米新材料集群\""));
  CHECK_THAT(s, Catch::Contains("[label=location]"));
}
