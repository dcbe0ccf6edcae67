// The whole pipeline on the sample articles in examples/articles.
#include <catch2/catch.hpp>

#include <fstream>

#include "test_util.h"

using namespace clusterkg;
using clusterkg::testing::EntityNames;
using clusterkg::testing::FindEntity;
using clusterkg::testing::GraphOf;
using clusterkg::testing::MustExtractFile;
using clusterkg::testing::RelationStrings;
using clusterkg::testing::SamplePath;

namespace {
KnowledgeGraph GraphOfSample(const std::string& name) {
  std::vector<Article> one;
  one.push_back(MustExtractFile(SamplePath(name)));
  return GraphOf(std::move(one));
}
}  // namespace

TEST_CASE("plain text: a cluster with its agency / enterprises / policy and partners") {
  const auto g = GraphOfSample("01-suzhou-nano.txt");
  CHECK(EntityNames(g, EntityType::kOrganization) ==
        std::set<std::string>{"中国科学院苏州纳米技术与纳米仿生研究所", "苏州工业园区管理委员会",
                              "苏州市人民政府", "苏州纳微科技股份有限公司",
                              "苏州纳米科技发展有限公司", "苏州纳维科技有限公司"});
  CHECK(EntityNames(g, EntityType::kPlace) ==
        std::set<std::string>{"苏州", "苏州国际博览中心", "长三角"});
  CHECK(EntityNames(g, EntityType::kPolicy) ==
        std::set<std::string>{"《苏州市纳米新材料产业高质量发展三年行动方案》"});
  CHECK(EntityNames(g, EntityType::kIndustrialCluster) ==
        std::set<std::string>{"苏州纳米新材料集群"});
  CHECK(EntityNames(g, EntityType::kEvent) ==
        std::set<std::string>{"第十二届中国国际纳米技术产业博览会"});
  CHECK(EntityNames(g, EntityType::kPerson) == std::set<std::string>{"王立新"});
  const auto rel = RelationStrings(g);
  for (const char* r : {
           "location(苏州纳米新材料集群, 苏州)",
           "industry(苏州纳米新材料集群, 纳米新材料)",
           "promotionAgency(苏州纳米新材料集群, 苏州纳米科技发展有限公司)",
           "leadingEnterprise(苏州纳米新材料集群, 苏州纳维科技有限公司)",
           "leadingEnterprise(苏州纳米新材料集群, 苏州纳微科技股份有限公司)",
           "issuedBy(《苏州市纳米新材料产业高质量发展三年行动方案》, 苏州市人民政府)",
           "partner(中国科学院苏州纳米技术与纳米仿生研究所, 苏州工业园区管理委员会)",
           "location(第十二届中国国际纳米技术产业博览会, 苏州国际博览中心)",
       }) {
    INFO(r);
    CHECK(rel.count(r) == 1);
  }
  const Entity* inst =
      FindEntity(g, EntityType::kOrganization, "中国科学院苏州纳米技术与纳米仿生研究所");
  REQUIRE(inst);
  CHECK(inst->aliases == std::vector<std::string>{"苏州纳米所"});
  CHECK(inst->mentions.size() == 3);
  const Entity* plan =
      FindEntity(g, EntityType::kPolicy, "《苏州市纳米新材料产业高质量发展三年行动方案》");
  REQUIRE(plan);
  CHECK(plan->aliases == std::vector<std::string>{"行动方案"});
}

TEST_CASE(
    "a whole HTML page: the story's entities, none from navigation, related links or footer") {
  const auto g = GraphOfSample("02-wuhan-optics.html");
  CHECK(EntityNames(g, EntityType::kPlace) ==
        std::set<std::string>{"东湖高新区", "武汉", "长江经济带"});
  CHECK(EntityNames(g, EntityType::kOrganization) ==
        std::set<std::string>{"华中科技大学", "华工科技产业股份有限公司",
                              "武汉光谷光电子信息产业促进中心", "武汉市经济和信息化局",
                              "湖北省人民政府", "长飞光纤光缆股份有限公司"});
  CHECK(EntityNames(g, EntityType::kIndustrialCluster) ==
        std::set<std::string>{"武汉光电子信息集群"});
  CHECK(g.articles()[0].headline == "武汉光电子信息集群加速向万亿级迈进");
  CHECK(g.articles()[0].date == "2024-05-20T09:30:00+08:00");
  const auto rel = RelationStrings(g);
  CHECK(rel.count("promotionAgency(武汉光电子信息集群, 武汉光谷光电子信息产业促进中心)") == 1);
  CHECK(rel.count("partner(华中科技大学, 长飞光纤光缆股份有限公司)") == 1);
  CHECK(rel.count("issuedBy(《关于加快光电子信息产业高质量发展的若干措施》, 湖北省人民政府)") == 1);
}

TEST_CASE("front matter and HTML: headline / date and a sub-unit of a bureau") {
  const auto g = GraphOfSample("03-dongguan-terminals.md");
  CHECK(g.articles()[0].headline == "东莞智能移动终端集群跑出加速度");
  CHECK(g.articles()[0].date == "2024-03-12T10:15:00");
  CHECK(EntityNames(g, EntityType::kIndustrialCluster) ==
        std::set<std::string>{"东莞智能移动终端集群"});
  CHECK(FindEntity(g, EntityType::kOrganization, "东莞市工业和信息化局规划处") != nullptr);
  CHECK(FindEntity(g, EntityType::kOrganization, "东莞市电子计算中心") != nullptr);
  const auto rel = RelationStrings(g);
  CHECK(rel.count("promotionAgency(东莞智能移动终端集群, 东莞市电子计算中心)") == 1);
  CHECK(rel.count("leadingEnterprise(东莞智能移动终端集群, 维沃移动通信有限公司)") == 1);
  CHECK(rel.count("issuedBy(《东莞市智能移动终端产业集群培育方案》, 东莞市人民政府)") == 1);
}

TEST_CASE("traditional characters: simplified canonical names / traditional aliases") {
  const auto g = GraphOfSample("04-bay-area-traditional.txt");
  const Entity* bay = FindEntity(g, EntityType::kPlace, "粤港澳大湾区");
  REQUIRE(bay);
  CHECK(std::count(bay->aliases.begin(), bay->aliases.end(), "粵港澳大灣區") == 1);
  CHECK(EntityNames(g, EntityType::kIndustrialCluster) ==
        std::set<std::string>{"广佛智能装备集群", "深圳新一代信息通信集群"});
  const Entity* nick = FindEntity(g, EntityType::kPolicy, "20+8");
  REQUIRE(nick);
  CHECK(nick->aliases == std::vector<std::string>{"２０＋８"});
  CHECK(FindEntity(g, EntityType::kOrganization, "广东省工业和信息化厅") != nullptr);
  CHECK(RelationStrings(g).count("partner(广州市人民政府, 香港科技大学)") == 1);
}

TEST_CASE("JSON records are articles with their own ids") {
  std::vector<Article> arts;
  std::ifstream in(SamplePath("06-records.jsonl"));
  std::string line;
  size_t no = 0;
  while (std::getline(in, line)) {
    auto a = clusterkg::testing::Builtin().ExtractJsonRecord(line, "06-records.jsonl", ++no);
    REQUIRE(a.ok());
    arts.push_back(std::move(a).value());
  }
  REQUIRE(arts.size() == 2);
  CHECK(arts[0].doc.id == "rec-001");
  CHECK(arts[1].doc.url == "06-records.jsonl:2");
  const auto g = GraphOf(std::move(arts));
  CHECK(EntityNames(g, EntityType::kIndustrialCluster) ==
        std::set<std::string>{"合肥新能源汽车产业集群", "西安航空集群"});
  const auto rel = RelationStrings(g);
  CHECK(rel.count("promotionAgency(西安航空集群, 西安航空基地管理委员会)") == 1);
  CHECK(rel.count("leadingEnterprise(合肥新能源汽车产业集群, 蔚来)") == 1);
  CHECK(rel.count("leadingEnterprise(合肥新能源汽车产业集群, 比亚迪)") == 1);
}

TEST_CASE("every mention of every sample maps back to its exact original bytes") {
  for (const char* name : {"01-suzhou-nano.txt", "02-wuhan-optics.html", "03-dongguan-terminals.md",
                           "04-bay-area-traditional.txt", "05-ningbo-magnets.md"}) {
    INFO(name);
    const Article a = MustExtractFile(SamplePath(name));
    CHECK(a.match.mentions.size() >= 8);
    for (const Mention& m : a.match.mentions) {
      const auto [b, e] = a.doc.offsets.ToRaw(m.span);
      const std::string raw = a.doc.raw.substr(b, e - b);
      INFO(m.name << " -> " << raw);
      // normalising the original text gives the matched text back
      CHECK(clusterkg::testing::Builtin().normalizer().Normalize(raw).find(
                a.doc.text.substr(m.span.begin, m.span.size())) != std::string::npos);
    }
  }
}

TEST_CASE("the extractor reports unreadable and invalid files without throwing") {
  auto missing = clusterkg::testing::Builtin().ExtractFile("/nonexistent/a.txt");
  CHECK(missing.status().code() == StatusCode::kNotFound);
  auto dir = clusterkg::testing::Builtin().ExtractFile(CLUSTERKG_SOURCE_DIR);
  CHECK(dir.status().message() == std::string(CLUSTERKG_SOURCE_DIR) + ": is a directory");
  std::vector<Status> errors;
  const auto files = CollectInputFiles({SamplePath(""), "/nonexistent/b"}, &errors);
  CHECK(files.size() == 6);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message() == "/nonexistent/b: no such file or directory");
}
