// The resolve stage: one entity per thing, within and across articles.
#include <catch2/catch.hpp>

#include <map>

#include "test_util.h"

using namespace clusterkg;
using clusterkg::testing::EntityNames;
using clusterkg::testing::FindEntity;
using clusterkg::testing::GraphOf;
using clusterkg::testing::MustExtract;
using clusterkg::testing::RelationStrings;

namespace {
KnowledgeGraph Graph(std::initializer_list<std::string> texts) {
  std::vector<Article> arts;
  int i = 0;
  for (const auto& t : texts) arts.push_back(MustExtract(t, "a" + std::to_string(i++) + ".txt"));
  return GraphOf(std::move(arts));
}
}  // namespace

TEST_CASE("suffix variants of places are one entity across articles") {
  const auto g = Graph({"深圳市召开大会。", "深圳发布政策。"});
  const Entity* sz = FindEntity(g, EntityType::kPlace, "深圳");
  REQUIRE(sz);
  CHECK(sz->aliases == std::vector<std::string>{"深圳市"});
  REQUIRE(sz->mentions.size() == 2);
  CHECK(sz->mentions[0].article == 0);
  CHECK(sz->mentions[1].article == 1);
  CHECK(sz->iri == "https://w3id.org/clusterkg/division/CN-4403");
}

TEST_CASE("government names with and without the city and 人民 are one entity") {
  const auto g =
      Graph({"深圳市南山区人民政府与企业签约。", "南山区政府发布公告。", "南山区人民政府表示。"});
  CHECK(EntityNames(g, EntityType::kOrganization) == std::set<std::string>{"深圳市南山区人民政府"});
  const Entity* e = FindEntity(g, EntityType::kOrganization, "深圳市南山区人民政府");
  REQUIRE(e);
  CHECK(e->aliases == std::vector<std::string>{"南山区人民政府", "南山区政府"});
}

TEST_CASE("a company's full name joins its known short name") {
  const auto g = Graph({"深圳市商汤科技有限公司成立新部门。", "商汤科技表示。"});
  CHECK(EntityNames(g, EntityType::kOrganization) == std::set<std::string>{"商汤科技"});
}

TEST_CASE("short and long names of one cluster are one entity") {
  const auto g =
      Graph({"苏州市纳米新材料产业集群规模扩大。苏州纳米新材料集群新增企业。纳米新材料产业集群产值"
             "增长,纳米集群表示。"});
  CHECK(EntityNames(g, EntityType::kIndustrialCluster) ==
        std::set<std::string>{"苏州市纳米新材料产业集群"});
  const Entity* c = FindEntity(g, EntityType::kIndustrialCluster, "苏州市纳米新材料产业集群");
  REQUIRE(c);
  CHECK(c->aliases ==
        std::vector<std::string>{"纳米新材料产业集群", "纳米集群", "苏州纳米新材料集群"});
}

TEST_CASE("declared aliases join their entity / and so does a cluster nickname") {
  const auto g = Graph({"在东方光谷(武汉光电子信息集群)展厅内,东方光谷聚集企业。"});
  const Entity* c = FindEntity(g, EntityType::kIndustrialCluster, "武汉光电子信息集群");
  REQUIRE(c);
  CHECK(c->aliases == std::vector<std::string>{"东方光谷"});
}

TEST_CASE("structural relations: cluster place and industry / places in places") {
  const auto g = Graph({"南山区与深圳市携手,广东省支持。深圳新一代信息通信集群发展。"});
  const auto rel = RelationStrings(g);
  CHECK(rel.count("containedInPlace(南山区, 深圳)") == 1);
  CHECK(rel.count("containedInPlace(深圳, 广东)") == 1);
  CHECK(rel.count("location(深圳新一代信息通信集群, 深圳)") == 1);
  CHECK(rel.count("industry(深圳新一代信息通信集群, 新一代信息通信)") == 1);
}

TEST_CASE("industries from the text: a field's clusters / what a cluster leads with / focus") {
  const auto g = Graph(
      {"生物医药领域的一批产业集群表现亮眼,包括苏州生物医药集群、泰州医药集群等。"
       "合肥新能源汽车集群发布年报。集群以新能源汽车为引领,同时在动力电池、智能网联汽车等关键技术"
       "领域加快布局。安徽巨湾科技有限公司是一家专注于动力电池研发的企业。"});
  const auto rel = RelationStrings(g);
  CHECK(rel.count("industry(苏州生物医药集群, 生物医药)") == 1);
  CHECK(rel.count("industry(泰州医药集群, 生物医药)") == 1);
  CHECK(rel.count("industry(合肥新能源汽车集群, 新能源汽车)") == 1);
  CHECK(rel.count("industry(合肥新能源汽车集群, 动力电池)") == 1);
  CHECK(rel.count("industry(合肥新能源汽车集群, 智能网联汽车)") == 1);
  CHECK(rel.count("industry(安徽巨湾科技有限公司, 动力电池)") == 1);
  CHECK(rel.count("industry(泰州医药集群, 动力电池)") == 0);
  const auto g2 =
      Graph({"新材料领域共有三个产业集群入选,包括宁波磁性材料产业集群和株洲硬质合金集群。"});
  const auto rel2 = RelationStrings(g2);
  CHECK(rel2.count("industry(宁波磁性材料产业集群, 新材料)") == 1);
  CHECK(rel2.count("industry(株洲硬质合金集群, 新材料)") == 1);
}

TEST_CASE("no industry relation without a cluster or an organisation that owns it") {
  const auto g =
      Graph({"深圳市人民政府在人工智能领域出台新政策。市民在新能源汽车等领域消费增长。"});
  CHECK(EntityNames(g, EntityType::kIndustry) == std::set<std::string>{"人工智能", "新能源汽车"});
  CHECK(EntityNames(g, EntityType::kOrganization) == std::set<std::string>{"深圳市人民政府"});
  for (const auto& r : RelationStrings(g)) CHECK(r.rfind("industry(", 0) != 0);
}

TEST_CASE("an unplaced cluster lies in the place its article names most") {
  const auto g = Graph({"浙江发布规划。浙江将加快发展。浙江还将推动新能源产业集群发展。"});
  CHECK(RelationStrings(g).count("location(新能源产业集群, 浙江)") == 1);
}

TEST_CASE("relations keep their evidence: article / sentence with its offsets and rule") {
  // the sentence starts after 13 bytes; its comma is full width in the input
  const std::string input = "第一句。\n苏州科创中心作为苏州纳米新材料集群促进机构，组织攻关。\n";
  const auto g = Graph({input});
  const Entity* c = FindEntity(g, EntityType::kIndustrialCluster, "苏州纳米新材料集群");
  REQUIRE(c);
  bool found = false;
  for (const Relation& r : g.relations()) {
    if (r.type != RelationType::kPromotionAgency) continue;
    found = true;
    CHECK(r.from == c->id);
    CHECK(g.entities()[r.to].name == "苏州科创中心");
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].article == 0);
    CHECK(r.evidence[0].rule == "rel.promotion_agency");
    CHECK(r.evidence[0].sentence == "苏州科创中心作为苏州纳米新材料集群促进机构,组织攻关。");
    CHECK(r.evidence[0].start == 13);
    CHECK(input.substr(r.evidence[0].start, r.evidence[0].end - r.evidence[0].start) ==
          "苏州科创中心作为苏州纳米新材料集群促进机构，组织攻关。");
  }
  CHECK(found);
}

TEST_CASE("a zone named after a district the article names lies in that district") {
  const auto g = Graph({"南山区推进建设。深圳南山人工智能示范基地揭牌,福田区表示祝贺。"});
  const auto rel = RelationStrings(g);
  CHECK(rel.count("containedInPlace(深圳南山人工智能示范基地, 南山区)") == 1);
  CHECK(rel.count("containedInPlace(深圳南山人工智能示范基地, 深圳)") == 0);
}

TEST_CASE("a policy named after a province is issued by it / and partners have one direction") {
  const auto g =
      Graph({"江苏省新能源产业行动计划发布。江苏将加快发展。河海大学与南京市人民政府签约。南京市人"
             "民政府与河海大学"
             "合作。"});
  const auto rel = RelationStrings(g);
  CHECK(rel.count("issuedBy(江苏省新能源产业行动计划, 江苏)") == 1);
  CHECK(rel.count("partner(河海大学, 南京市人民政府)") == 1);
  CHECK(rel.count("partner(南京市人民政府, 河海大学)") == 0);
}

TEST_CASE("an unplaced cluster lies in the nearest place of its sentence first") {
  const auto g =
      Graph({"合肥发布规划。合肥将加快发展。合肥还将推动。南京将建设软件和信息服务集群。"});
  const auto rel = RelationStrings(g);
  CHECK(rel.count("location(软件和信息服务集群, 南京)") == 1);
  CHECK(rel.count("location(软件和信息服务集群, 合肥)") == 0);
}

TEST_CASE("entities named in one sentence co-occur / counted by sentences") {
  const auto g = Graph({"华为与腾讯在深圳签约。华为和腾讯再次合作。深圳表示欢迎。"});
  const Entity* hw = FindEntity(g, EntityType::kOrganization, "华为");
  const Entity* tx = FindEntity(g, EntityType::kOrganization, "腾讯");
  const Entity* sz = FindEntity(g, EntityType::kPlace, "深圳");
  REQUIRE((hw && tx && sz));
  std::map<std::pair<EntityId, EntityId>, uint32_t> got;
  for (const CoOccurrence& c : g.cooccurrences()) got[{c.a, c.b}] = c.count;
  auto count = [&](EntityId x, EntityId y) { return got[{std::min(x, y), std::max(x, y)}]; };
  CHECK(count(hw->id, tx->id) == 2);
  CHECK(count(hw->id, sz->id) == 1);
  CHECK(count(tx->id, sz->id) == 1);
  CHECK(got.size() == 3);
}

TEST_CASE("aliases learnt in one article apply in all others") {
  std::vector<Article> arts;
  arts.push_back(MustExtract("北京量子信息科学研究院(以下简称“量子院”)发布成果。", "a.txt"));
  arts.push_back(MustExtract("量子院开放共享平台。", "b.txt"));
  CHECK(arts[1].match.mentions.empty());
  CHECK(ApplyCorpusAliases(clusterkg::testing::Builtin(), arts) == 1);
  REQUIRE(arts[1].match.mentions.size() == 1);
  CHECK(arts[1].match.mentions[0].rule == "alias.corpus");
  const auto g = GraphOf(std::move(arts));
  const Entity* e = FindEntity(g, EntityType::kOrganization, "北京量子信息科学研究院");
  REQUIRE(e);
  CHECK(e->aliases == std::vector<std::string>{"量子院"});
  REQUIRE(e->mentions.size() == 3);
  CHECK(e->mentions[2].article == 1);
  CHECK(g.ArticleEntities(1) == std::vector<EntityId>{e->id});
}
