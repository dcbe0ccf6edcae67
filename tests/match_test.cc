// The match stage on sentences written for the tests.
#include <catch2/catch.hpp>

#include "test_util.h"

using namespace clusterkg;
using clusterkg::testing::MentionNames;
using clusterkg::testing::MustExtract;

namespace {
std::string RawText(const Article& a, const Mention& m) {
  auto [b, e] = a.doc.offsets.ToRaw(m.span);
  return a.doc.raw.substr(b, e - b);
}
const Mention* FindMention(const Article& a, EntityType t, const std::string& name) {
  for (const Mention& m : a.match.mentions) {
    if (m.type == t && m.name == name) return &m;
  }
  return nullptr;
}
}  // namespace

TEST_CASE("coordinated cluster names are expanded / each with its own span") {
  const Article a =
      MustExtract("到2030年,未来电子信息、未来智能装备、未来材料产业集群将成为增长点。");
  CHECK(
      MentionNames(a, EntityType::kIndustrialCluster) ==
      std::vector<std::string>{"未来电子信息产业集群", "未来智能装备产业集群", "未来材料产业集群"});
  const Mention* first = FindMention(a, EntityType::kIndustrialCluster, "未来电子信息产业集群");
  REQUIRE(first);
  CHECK(RawText(a, *first) == "未来电子信息");
  const Mention* last = FindMention(a, EntityType::kIndustrialCluster, "未来材料产业集群");
  REQUIRE(last);
  CHECK(RawText(a, *last) == "未来材料产业集群");
}

TEST_CASE("generic cluster categories are not clusters") {
  for (const char* s : {"培育世界级先进制造业集群。", "壮大深圳市战略性新兴产业集群。",
                        "多地数字产业集群加快形成。", "推动集群高质量发展。"}) {
    INFO(s);
    CHECK(MentionNames(MustExtract(s), EntityType::kIndustrialCluster).empty());
  }
}

TEST_CASE("a cluster name keeps its place and industry as mentions inside it") {
  const Article a = MustExtract("苏州纳米新材料集群产值突破千亿元。");
  CHECK(MentionNames(a, EntityType::kIndustrialCluster) ==
        std::vector<std::string>{"苏州纳米新材料集群"});
  CHECK(MentionNames(a, EntityType::kPlace) == std::vector<std::string>{"苏州"});
  CHECK(MentionNames(a, EntityType::kIndustry) == std::vector<std::string>{"纳米新材料"});
}

TEST_CASE("organisation names are bounded by stop words and conjunctions") {
  const Article a = MustExtract("今年3月,南京市机器人协会联合江苏省科技厅召开会议。");
  CHECK(MentionNames(a, EntityType::kOrganization) ==
        std::vector<std::string>{"南京市机器人协会", "江苏省科技厅"});
  const Article b = MustExtract("浙江大学与杭州钱塘智能装备有限公司签约。");
  CHECK(MentionNames(b, EntityType::kOrganization) ==
        std::vector<std::string>{"浙江大学", "杭州钱塘智能装备有限公司"});
}

TEST_CASE("a place only inside an organisation's name is no place mention") {
  const Article a = MustExtract("美国国家工程院院士出席。");
  CHECK(MentionNames(a, EntityType::kOrganization) == std::vector<std::string>{"美国国家工程院"});
  CHECK(MentionNames(a, EntityType::kPlace).empty());
}

TEST_CASE("a gazetteer name that ends inside a word is not matched") {
  const Article a = MustExtract("教育部门表示,深圳市场活跃。");
  CHECK(MentionNames(a, EntityType::kOrganization).empty());
  CHECK(MentionNames(a, EntityType::kPlace) == std::vector<std::string>{"深圳"});
  // a blocker of three characters that the name ends one character into
  const Article b = MustExtract("南山区块链企业增多,南山区政府表示欢迎。");
  CHECK(MentionNames(b, EntityType::kPlace).empty());
  CHECK(MentionNames(b, EntityType::kOrganization) == std::vector<std::string>{"南山区政府"});
}

TEST_CASE("declared short names become aliases and are found again") {
  const Article a =
      MustExtract("北京量子信息科学研究院(以下简称“量子院”)发布新成果。量子院将开放共享平台。");
  REQUIRE(a.match.aliases.size() == 1);
  CHECK(a.match.aliases[0].alias == "量子院");
  CHECK(a.match.mentions[a.match.aliases[0].mention].name == "北京量子信息科学研究院");
  CHECK(MentionNames(a, EntityType::kOrganization) ==
        std::vector<std::string>{"北京量子信息科学研究院", "量子院", "量子院"});
}

TEST_CASE("a nickname before a cluster in brackets is an alias") {
  const Article a = MustExtract("在东方光谷(武汉光电子信息集群)展厅内。");
  REQUIRE(a.match.aliases.size() == 1);
  CHECK(a.match.aliases[0].alias == "东方光谷");
  CHECK(a.match.aliases[0].rule == "alias.name_before_paren");
}

TEST_CASE("policies: titles with a policy head / nicknames in any width / named systems") {
  const Article a = MustExtract(
      "广东发布《广东省制造业高质量发展\u201c十四五\u201d规划》和《产业发展白皮书》,推行“链长制”,"
      "落实“１５＋５”政策。");
  CHECK(MentionNames(a, EntityType::kPolicy) ==
        std::vector<std::string>{"《广东省制造业高质量发展\"十四五\"规划》", "链长制",
                                 "\"15+5\"政策"});
  CHECK(MentionNames(a, EntityType::kPublication) ==
        std::vector<std::string>{"《产业发展白皮书》"});
  const Mention* nick = FindMention(a, EntityType::kPolicy, "\"15+5\"政策");
  REQUIRE(nick);
  CHECK(nick->aliases == std::vector<std::string>{"15+5"});
  CHECK(RawText(a, *nick) == "“１５＋５”政策");
}

TEST_CASE("relations: promotion agency / leading enterprises / issuer / partners") {
  const Article a = MustExtract(
      "常州市智能制造协会作为常州智能装备集群促进机构,组织企业攻关。"
      "集群依托常州精工机械有限公司、常州星宇驱动科技有限公司等龙头企业。"
      "常州市人民政府印发《常州市智能装备产业发展行动计划》。"
      "河海大学与常州精工机械有限公司签署合作协议。");
  std::set<std::string> rel;
  for (const RelationMatch& r : a.match.relations) {
    rel.insert(std::string(RelationTypeName(r.type)) + "(" + a.match.mentions[r.from].name + ", " +
               a.match.mentions[r.to].name + ")");
  }
  CHECK(rel ==
        std::set<std::string>{"promotionAgency(常州智能装备集群, 常州市智能制造协会)",
                              "leadingEnterprise(常州智能装备集群, 常州精工机械有限公司)",
                              "leadingEnterprise(常州智能装备集群, 常州星宇驱动科技有限公司)",
                              "issuedBy(《常州市智能装备产业发展行动计划》, 常州市人民政府)",
                              "partner(河海大学, 常州精工机械有限公司)"});
}

TEST_CASE("mention offsets give back the original text through every normalisation") {
  const std::string raw =
      "粵港澳大灣區「２０＋８」產業集群與ＡＩ產業\r\n深圳市人民政府發佈《深圳市促進人工智能產業發展"
      "行動方案》。";
  const Article a = MustExtract(raw, "trad.txt");
  REQUIRE(a.match.mentions.size() >= 4);
  for (const Mention& m : a.match.mentions) {
    auto [b, e] = a.doc.offsets.ToRaw(m.span);
    INFO(m.name << " [" << b << "," << e << ")");
    CHECK(e > b);
    CHECK(e <= raw.size());
  }
  const Mention* place = FindMention(a, EntityType::kPlace, "粤港澳大湾区");
  REQUIRE(place);
  CHECK(RawText(a, *place) == "粵港澳大灣區");
  const Mention* pol =
      FindMention(a, EntityType::kPolicy, "《深圳市促进人工智能产业发展行动方案》");
  REQUIRE(pol);
  CHECK(RawText(a, *pol) == "《深圳市促進人工智能產業發展行動方案》");
}

// TrimLeft notes every conjunction in its one pass over a candidate: a
// known name after the last of many is cut the same as after one.
TEST_CASE("a conjunction before a known name cuts a long candidate, however many it holds") {
  ExtractorOptions o;
  o.rules.push_back({"long.yaml",
                     "rules:\n"
                     "  - id: my.long\n"
                     "    type: Organization\n"
                     "    pattern: '(?P<name>\\p{Han}{2,80}?(?P<head>有限公司))'\n"
                     "    trim: true\n"
                     "    min_chars: 2\n"
                     "    priority: 90\n"});
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  for (int n : {3, 16, 17, 30}) {
    std::string text = "甲";
    for (int k = 0; k < n; ++k) text += "和乙";
    text += "和杭州钱塘智能装备有限公司签约。";
    INFO(n);
    auto a = (*ex)->ExtractString(text, "long.txt");
    REQUIRE(a.ok());
    std::vector<std::string> names;
    for (const Mention& m : a->match.mentions) {
      if (m.rule == "my.long") names.push_back(m.name);
    }
    CHECK(names == std::vector<std::string>{"杭州钱塘智能装备有限公司"});
  }
}
