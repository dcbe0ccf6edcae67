// Rule packs: the built-in pack compiles and its examples hold; broken packs
// report every problem with its line.
#include <catch2/catch.hpp>

#include "test_util.h"

using namespace clusterkg;
using clusterkg::testing::Builtin;

TEST_CASE("the built-in pack compiles with rules of every kind and the gazetteers") {
  const RulePack& p = Builtin().rules();
  int entity = 0, relation = 0, alias = 0, extend = 0;
  for (const Rule& r : p.rules()) {
    entity += r.kind == Rule::Kind::kEntity;
    relation += r.kind == Rule::Kind::kRelation;
    alias += r.kind == Rule::Kind::kAlias;
    extend += r.kind == Rule::Kind::kExtend;
  }
  CHECK(entity >= 20);
  CHECK(relation >= 5);
  CHECK(alias >= 3);
  CHECK(extend >= 1);
  CHECK(p.gazetteer().size() > 3400);
  REQUIRE(p.FindRule("cluster.name") != nullptr);
  CHECK(p.FindRule("cluster.name")->type == EntityType::kIndustrialCluster);
}

TEST_CASE("every built-in entity / extend and alias rule has examples / and they hold") {
  for (const Rule& r : Builtin().rules().rules()) {
    if (r.kind == Rule::Kind::kRelation) continue;
    INFO("rule " << r.id << " (" << r.file << ":" << r.line << ")");
    CHECK_FALSE(r.examples.empty());
    for (const auto& [text, name] : r.examples) {
      INFO("example: " << text);
      const Article a = clusterkg::testing::MustExtract(text);
      bool found = false;
      if (r.kind == Rule::Kind::kAlias) {
        for (const AliasLink& l : a.match.aliases) found |= l.rule == r.id && l.alias == name;
      } else {
        for (const Mention& m : a.match.mentions) found |= m.rule == r.id && m.name == name;
      }
      CHECK(found);
    }
    for (const std::string& text : r.counter_examples) {
      INFO("counter-example: " << text);
      const Article a = clusterkg::testing::MustExtract(text);
      for (const Mention& m : a.match.mentions) CHECK(m.rule != r.id);
    }
  }
}

TEST_CASE("a broken pack reports every problem with file and line") {
  const std::string pack =
      "rules:\n"                        // 1
      "  - id: a\n"                     // 2
      "    type: Organization\n"        // 3
      "    pattern: '(?P<name>[abc'\n"  // 4  bad regex
      "  - id: b\n"                     // 5
      "    type: Organization\n"        // 6
      "    pattern: '(?P<name>x)'\n"    // 7
      "    colour: red\n"               // 8  unknown key
      "  - id: b\n"                     // 9  duplicate id
      "    type: Place\n"               // 10
      "    pattern: '(?P<name>y)'\n"    // 11
      "  - id: c\n"                     // 12
      "    type: Place\n"               // 13
      "    pattern: 'no capture'\n"     // 14 missing capture
      "  - id: d\n"                     // 15
      "    type: Factory\n"             // 16 unknown type
      "    pattern: '(?P<name>z)'\n";   // 17
  ExtractorOptions o;
  o.builtin_rules = false;
  o.rules.push_back({"my.yaml", pack});
  auto ex = Extractor::Create(o);
  REQUIRE_FALSE(ex.ok());
  CHECK(ex.status().code() == StatusCode::kParseError);
  const std::string& m = ex.status().message();
  CHECK_THAT(m, Catch::Contains("my.yaml:4: a: bad pattern: missing ]"));
  CHECK_THAT(m, Catch::Contains("my.yaml:8: b: unknown key \"colour\""));
  CHECK_THAT(m, Catch::Contains("my.yaml:9: b: duplicate id (first defined at my.yaml:5)"));
  CHECK_THAT(m, Catch::Contains("my.yaml:14: c: pattern has no capture (?P<name>...)"));
  CHECK_THAT(m, Catch::Contains("my.yaml:15: d: unknown entity type \"Factory\""));
}

TEST_CASE("a gazetteer line with a bad type is reported with its line") {
  ExtractorOptions o;
  o.builtin_rules = false;
  o.rules.push_back({"parks.tsv", "# parks\n前海\tPlace\n后海\tPark\n"});
  auto ex = Extractor::Create(o);
  REQUIRE_FALSE(ex.ok());
  CHECK(ex.status().message() == "parks.tsv:3: unknown entity type \"Park\"");
}

TEST_CASE("an extra pack adds rules and gazetteer entries at run time") {
  ExtractorOptions o;
  o.rules.push_back({"extra.tsv", "星海湾\tPlace\t星海\t大连\n"});
  o.rules.push_back({"extra.yaml",
                     "rules:\n"
                     "  - id: my.lab\n"
                     "    type: Organization\n"
                     "    pattern: '(?P<name>星海\\p{Han}{2}所)'\n"});
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  auto a = ex.value()->ExtractString("星海湾旁的星海光学所开放。", "x.txt");
  REQUIRE(a.ok());
  std::vector<std::pair<std::string, std::string>> got;
  for (const Mention& m : a->match.mentions) got.emplace_back(m.rule, m.name);
  CHECK(std::count(got.begin(), got.end(),
                   std::make_pair(std::string("gazetteer:Place"), std::string("星海湾"))) == 1);
  CHECK(std::count(got.begin(), got.end(),
                   std::make_pair(std::string("my.lab"), std::string("星海光学所"))) == 1);
}
