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

TEST_CASE("every built-in rule has an example and a counter example, and they hold") {
  const ExampleReport r = RunRuleExamples(Builtin(), {.which = nullptr, .require_examples = true});
  CHECK(r.rules == Builtin().rules().rules().size());
  CHECK(r.examples >= 2 * r.rules);
  for (const RuleProblem& p : r.failures) {
    INFO(p.ToString());
    CHECK(false);
  }
}

TEST_CASE("an example that fails says what the rule found instead, at the example's line") {
  ExtractorOptions o;
  o.rules.push_back({"lab.yaml",
                     "rules:\n"                                                    // 1
                     "  - id: my.lab\n"                                            // 2
                     "    type: Organization\n"                                    // 3
                     "    pattern: '(?P<name>星海\\p{Han}{2}所)'\n"                // 4
                     "    examples:\n"                                             // 5
                     "      - {text: '星海光学所开放。', name: 星海光学所}\n"      // 6
                     "      - {text: '星海声学所开放。', name: 星海声学研究所}\n"  // 7
                     "    counter_examples:\n"                                     // 8
                     "      - '星海化学所开放。'\n"                                // 9
                     "      - '海光学所开放。'\n"});                               // 10
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  const ExampleReport r = RunRuleExamples(
      *ex.value(), {.which = [](const Rule& rule) { return rule.file == "lab.yaml"; },
                    .require_examples = false});
  CHECK(r.rules == 1);
  CHECK(r.examples == 4);
  REQUIRE(r.failures.size() == 2);
  CHECK(r.failures[0].ToString() ==
        "lab.yaml:7: my.lab: example does not give \"星海声学研究所\"; the rule gives "
        "\"星海声学所\"");
  CHECK(r.failures[1].ToString() == "lab.yaml:9: my.lab: counter example gives \"星海化学所\"");
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
      "    pattern: '(?P<name>z)'\n"    // 17
      // bounds that a fast form would rewrite (checked groups instead of
      // copies): the pattern as written must still be found bad, or
      // without its capture, when the pack is compiled
      "  - id: e\n"                                 // 18
      "    type: Place\n"                           // 19
      "    pattern: '(?P<name>[a-z]{2,2000}?x)'\n"  // 20 RE2: at most 1000
      "  - id: f\n"                                 // 21
      "    type: Place\n"                           // 22
      "    pattern: '(?P<nom>[a-z]{2,20}?x)'\n";    // 23 missing capture
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
  CHECK_THAT(m, Catch::Contains("my.yaml:20: e: bad pattern: invalid repetition size"));
  CHECK_THAT(m, Catch::Contains("my.yaml:23: f: pattern has no capture (?P<name>...)"));
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

TEST_CASE("a pack disables an earlier rule by id, and an unknown id is a problem") {
  const std::string text = "深圳市商汤科技有限公司发布公告。";
  ExtractorOptions o;
  o.rules.push_back({"off.yaml", "disable: [org.company]\n"});
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  CHECK(ex.value()->rules().FindRule("org.company") == nullptr);
  auto a = ex.value()->ExtractString(text, "x.txt");
  REQUIRE(a.ok());
  for (const Mention& m : a->match.mentions) CHECK(m.rule != "org.company");
  CHECK(clusterkg::testing::MustExtract(text).match.mentions.front().rule == "org.company");

  ExtractorOptions bad;
  bad.rules.push_back({"off.yaml", "disable:\n  - org.company\n  - org.nothing\n"});
  auto fails = Extractor::Create(bad);
  REQUIRE_FALSE(fails.ok());
  CHECK(fails.status().message() ==
        "off.yaml:3: org.nothing: disable: no rule with this id in the packs before this one");
}

TEST_CASE("declared types and relations: names, classes and conflicts") {
  ExtractorOptions o;
  o.builtin_rules = false;
  o.rules.push_back({"a.tsv", "北岭港\tHarbour\n"});  // declared by a later file
  o.rules.push_back({"a.yaml",
                     "types:\n"
                     "  - {name: Harbour, class: 'https://example.org/Harbour'}\n"
                     "relations:\n"
                     "  - {name: harbourOf}\n"});
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  const auto t = ParseEntityType("Harbour");
  REQUIRE(t.has_value());
  CHECK(static_cast<int>(*t) >= kEntityTypeCount);
  CHECK(EntityTypeName(*t) == "Harbour");
  CHECK(EntityTypeTerm(*t) == "https://example.org/Harbour");
  CHECK(ex.value()->rules().gazetteer().front().type == *t);
  const auto r = ParseRelationType("harbourOf");
  REQUIRE(r.has_value());
  CHECK(RelationTypeTerm(*r) == "ckg:harbourOf");

  ExtractorOptions bad;
  bad.builtin_rules = false;
  bad.rules.push_back({"b.yaml",
                       "types:\n"
                       "  - {name: Harbour, class: 'ckg:Port'}\n"  // 2: conflicts
                       "  - {name: Place}\n"                       // 3: built in
                       "  - {name: 'Dock yard'}\n"                 // 4: not a name
                       "  - {name: Pier, class: 'ftp://x'}\n"});   // 5: not a term
  auto fails = Extractor::Create(bad);
  REQUIRE_FALSE(fails.ok());
  const std::string& m = fails.status().message();
  CHECK_THAT(
      m, Catch::Contains(
             "b.yaml:2: Harbour: \"Harbour\" was declared before as https://example.org/Harbour"));
  CHECK_THAT(m, Catch::Contains("b.yaml:3: Place: \"Place\" is built in"));
  CHECK_THAT(m, Catch::Contains("b.yaml:4: Dock yard: a name is letters, digits and _"));
  CHECK_THAT(
      m, Catch::Contains("b.yaml:5: Pier: class must be ckg:Name, schema:Name or an http(s) IRI"));
}

TEST_CASE("a pack adds page words: a site's own related-stories heading ends the story") {
  const std::string page =
      "星湖智造集群发布新品\n南京星河电子有限公司参加。\n更多报道\n合肥澜海智能有限公司签约。\n";
  auto names = [&](const Extractor& ex) {
    auto a = ex.ExtractString(page, "page.txt");
    REQUIRE(a.ok());
    std::vector<std::string> out;
    for (const Mention& m : a->match.mentions) {
      if (m.type == EntityType::kOrganization) out.push_back(m.name);
    }
    return out;
  };
  CHECK(names(Builtin()) ==
        std::vector<std::string>{"南京星河电子有限公司", "合肥澜海智能有限公司"});
  ExtractorOptions o;
  o.rules.push_back({"site.yaml", "words:\n  page_related_heading: [更多报道]\n"});
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  CHECK(names(*ex.value()) == std::vector<std::string>{"南京星河电子有限公司"});
}

// The longest place-name prefix, against looking every length up in
// PlacesByName: every place name followed by other text, cut at every byte.
TEST_CASE("the longest place prefix is the longest name the text starts with") {
  const clusterkg::RulePack& pack = clusterkg::testing::Builtin().rules();
  auto by_lookup = [&pack](std::string_view s, size_t* len) {
    for (size_t l = s.size() - 1; s.size() >= 4 && l >= 3; --l) {
      if ((static_cast<unsigned char>(s[l]) & 0xC0) == 0x80) continue;
      auto it = pack.PlacesByName().find(std::string(s.substr(0, l)));
      if (it != pack.PlacesByName().end()) {
        *len = l;
        return it->second;
      }
    }
    return -1;
  };
  size_t tried = 0, found = 0;
  for (const auto& [name, index] : pack.PlacesByName()) {
    for (const std::string& s : {name + "南山区人民政府", name + "会展中心", name}) {
      for (size_t cut = 0; cut <= s.size(); ++cut) {
        const std::string_view t(s.data(), cut);
        size_t want_len = 0, got_len = 0;
        const int want = by_lookup(t, &want_len);
        const int got = pack.LongestPlacePrefix(t, &got_len);
        INFO(t);
        REQUIRE(got == want);
        if (want >= 0) REQUIRE(got_len == want_len);
        ++tried;
        found += want >= 0;
      }
    }
  }
  CHECK(tried > 10000);
  CHECK(found > 1000);
  size_t len = 0;
  REQUIRE(pack.LongestPlacePrefix("深圳市会展中心", &len) >= 0);
  CHECK(len == std::string("深圳市").size());
  // not the whole text: 深圳 (an alias of 深圳市), shorter
  REQUIRE(pack.LongestPlacePrefix("深圳市", &len) >= 0);
  CHECK(len == std::string("深圳").size());
  CHECK(pack.LongestPlacePrefix("深圳", &len) == -1);
}
