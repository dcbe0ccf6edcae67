// JSON-LD output: the shape SPEC section 4 gives.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "internal/jsonld_nodes.h"
#include "test_util.h"

using namespace clusterkg;
using nlohmann::json;

namespace {
KnowledgeGraph Samples() {
  std::vector<Article> arts;
  for (const char* n :
       {"01-suzhou-nano.txt", "02-wuhan-optics.html", "04-bay-area-traditional.txt"}) {
    arts.push_back(clusterkg::testing::MustExtractFile(clusterkg::testing::SamplePath(n)));
  }
  return clusterkg::testing::GraphOf(std::move(arts));
}
const json* FindNode(const json& doc, const std::string& id) {
  for (const json& n : doc["@graph"]) {
    if (n["@id"] == id) return &n;
  }
  return nullptr;
}
}  // namespace

TEST_CASE("the context is inline and maps schema.org and ckg") {
  const json doc = JsonLdWriter().ToJson(Samples());
  const json& ctx = doc["@context"];
  CHECK(ctx["@vocab"] == "https://schema.org/");
  CHECK(ctx["ckg"] == "https://w3id.org/clusterkg/vocab#");
  CHECK(doc["@graph"].is_array());
}

TEST_CASE("articles / entities and mentions have the SPEC's shape") {
  const auto g = Samples();
  const json doc = JsonLdWriter().ToJson(g);
  const json* art = FindNode(doc, g.articles()[1].iri);
  REQUIRE(art);
  CHECK((*art)["@type"] == "NewsArticle");
  CHECK((*art)["headline"] == "武汉光电子信息集群加速向万亿级迈进");
  CHECK((*art)["datePublished"] == "2024-05-20T09:30:00+08:00");
  CHECK((*art)["url"] == clusterkg::testing::SamplePath("02-wuhan-optics.html"));
  CHECK((*art)["mentions"].size() == g.ArticleEntities(1).size());

  const Entity* c =
      clusterkg::testing::FindEntity(g, EntityType::kIndustrialCluster, "苏州纳米新材料集群");
  REQUIRE(c);
  const json* node =
      FindNode(doc, "https://w3id.org/clusterkg/id/industrialcluster/苏州纳米新材料集群");
  REQUIRE(node);
  CHECK((*node)["@type"] == "ckg:IndustrialCluster");
  CHECK((*node)["name"] == "苏州纳米新材料集群");
  CHECK((*node)["location"] ==
        json::array({{{"@id", "https://w3id.org/clusterkg/id/place/苏州"}}}));
  CHECK((*node)["ckg:promotionAgency"][0]["@id"] ==
        "https://w3id.org/clusterkg/id/organization/苏州纳米科技发展有限公司");
  const json& m = (*node)["ckg:mention"][0];
  CHECK(m["@type"] == "ckg:Mention");
  CHECK(m["ckg:article"]["@id"] == g.articles()[0].iri);
  CHECK(m["ckg:rule"] == "cluster.name");
  CHECK(m["ckg:text"] == "苏州纳米新材料集群");
  CHECK(m["ckg:start"] == 0);
  CHECK(m["ckg:end"] == 27);
}

TEST_CASE("every mention's offsets give its text in the original file") {
  const auto g = Samples();
  const json doc = JsonLdWriter().ToJson(g);
  std::map<std::string, std::string> raw;
  for (size_t a = 0; a < g.articles().size(); ++a) {
    std::ifstream in(g.articles()[a].url, std::ios::binary);
    raw[g.articles()[a].iri] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  size_t checked = 0;
  for (const json& n : doc["@graph"]) {
    if (!n.contains("ckg:mention")) continue;
    for (const json& m : n["ckg:mention"]) {
      const std::string& file = raw.at(m["ckg:article"]["@id"].get<std::string>());
      const size_t b = m["ckg:start"], e = m["ckg:end"];
      CHECK(file.substr(b, e - b) == m["ckg:text"].get<std::string>());
      ++checked;
    }
  }
  CHECK(checked > 60);
}

TEST_CASE("relations also have evidence statements naming both ends") {
  const json doc = JsonLdWriter().ToJson(Samples());
  size_t statements = 0;
  for (const json& n : doc["@graph"]) {
    if (n["@type"] != "ckg:RelationStatement") continue;
    ++statements;
    CHECK(n["ckg:subject"].contains("@id"));
    CHECK(n["ckg:object"].contains("@id"));
    CHECK(n["ckg:predicate"]["@id"].get<std::string>().rfind("https://", 0) == 0);
    CHECK_FALSE(n["ckg:evidence"].empty());
    CHECK_FALSE(n["ckg:evidence"][0]["ckg:rule"].get<std::string>().empty());
  }
  CHECK(statements > 10);
}

TEST_CASE("output is identical across runs") {
  std::ostringstream a, b;
  REQUIRE(JsonLdWriter().Write(Samples(), a).ok());
  REQUIRE(JsonLdWriter().Write(Samples(), b).ok());
  CHECK(a.str() == b.str());
  std::ostringstream one_line;
  REQUIRE(JsonLdWriter({.indent = -1}).Write(Samples(), one_line).ok());
  const std::string line = one_line.str();
  CHECK(std::count(line.begin(), line.end(), '\n') == 1);
}

TEST_CASE("the same articles in another order give byte-identical output") {
  std::vector<Article> forward, backward;
  for (const char* n : {"01-suzhou-nano.txt", "02-wuhan-optics.html", "03-dongguan-terminals.md",
                        "04-bay-area-traditional.txt", "05-ningbo-magnets.md"}) {
    forward.push_back(clusterkg::testing::MustExtractFile(clusterkg::testing::SamplePath(n)));
  }
  backward.assign(forward.rbegin(), forward.rend());
  std::ostringstream a, b;
  REQUIRE(JsonLdWriter().Write(clusterkg::testing::GraphOf(std::move(forward)), a).ok());
  REQUIRE(JsonLdWriter().Write(clusterkg::testing::GraphOf(std::move(backward)), b).ok());
  CHECK(a.str() == b.str());
}

TEST_CASE("the streaming writer gives the bytes of the whole document") {
  std::vector<Article> arts;
  arts.push_back(
      clusterkg::testing::MustExtractFile(clusterkg::testing::SamplePath("01-suzhou-nano.txt")));
  const auto g =
      KnowledgeGraph::Build(arts, clusterkg::testing::Builtin().rules(), {.records = true});
  const KnowledgeGraph empty =
      KnowledgeGraph::Build(std::vector<Article>{}, clusterkg::testing::Builtin().rules());
  // all the samples: entities with aliases, sameAs, subtypes and several
  // relation terms, whose members must come in nlohmann's key order
  const KnowledgeGraph all = Samples();
  for (const KnowledgeGraph* x : {&g, &empty, &all}) {
    for (int indent : {2, -1, 0, 4}) {
      std::ostringstream out;
      REQUIRE(JsonLdWriter({.indent = indent}).Write(*x, out).ok());
      CHECK(out.str() == JsonLdWriter({.indent = indent}).ToJson(*x).dump(indent) + "\n");
    }
  }
}

TEST_CASE("strings that are not valid UTF-8 are written as nlohmann writes them, replaced") {
  // Loading refuses such text, but a program can build a graph of its own.
  // The node writers check a whole node at once and write it again string
  // by string only when it fails: a bad string anywhere in a node, and
  // one cut inside a character, must still come out replaced.
  const std::string bad_tail = "光\xE4\xB8";  // the last character cut short
  const std::string bad_byte =
      "a\xFF"
      "b";
  ArticleInfo info;
  info.iri = "https://example.org/a";
  info.id = "x";
  info.url = "u";
  info.headline = bad_tail;
  info.author = "作者";
  Entity e;
  e.type = EntityType::kOrganization;
  e.name = "名称";
  e.aliases = {"别名", bad_byte};
  EntityMention m;
  m.start = 1;
  m.end = 4;
  m.text = bad_tail;
  m.rule = "r";
  const std::string entity_iri = "https://example.org/e";
  const internal::IriOf iri = [&](EntityId) -> const std::string& { return entity_iri; };
  const internal::ArticleIriOf article_iri = [&](size_t) -> const std::string& { return info.iri; };
  const auto dump = [](const json& j, int indent) {
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
  };
  const json mention = {{"@id", "https://example.org/a#organization-1-4"},
                        {"@type", "ckg:Mention"},
                        {"ckg:article", {{"@id", info.iri}}},
                        {"ckg:end", 4},
                        {"ckg:rule", "r"},
                        {"ckg:start", 1},
                        {"ckg:text", bad_tail}};
  const json entity = {{"@id", "https://example.org/e"},
                       {"@type", "Organization"},
                       {"alternateName", e.aliases},
                       {"ckg:mention", json::array({mention})},
                       {"name", e.name}};
  const json article = {{"@id", info.iri},       {"@type", "NewsArticle"},
                        {"author", info.author}, {"headline", bad_tail},
                        {"identifier", info.id}, {"mentions", json::array()},
                        {"url", info.url}};
  for (int indent : {-1, 2}) {
    std::string buf;
    internal::EntityNodeText(buf, indent, 0, e, {m}, {}, iri, article_iri);
    CHECK(buf == dump(entity, indent));
    CHECK(buf.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
    internal::ArticleNodeText(buf, indent, 0, info, false, {}, iri);
    CHECK(buf == dump(article, indent));
  }
}
