// The spooled corpus: its JSON-LD is byte for byte the in-memory graph's,
// whatever the options, the threads and the order the articles come in;
// problems with its temporary files are errors naming the directory.
#include <catch2/catch.hpp>
#include <sstream>

#include "clusterkg/clusterkg.h"
#include "test_util.h"

namespace clusterkg {
namespace {

using clusterkg::testing::Builtin;
using clusterkg::testing::BuiltinPtr;
using clusterkg::testing::MustExtract;
using clusterkg::testing::MustExtractFile;
using clusterkg::testing::SamplePath;

// The samples, and two articles of our own: the second names a policy only
// by the short name the first declares, so it must be matched again.
std::vector<Article> Corpus() {
  std::vector<Article> out;
  for (const char* f : {"01-suzhou-nano.txt", "02-wuhan-optics.html", "03-dongguan-terminals.md",
                        "04-bay-area-traditional.txt", "05-ningbo-magnets.md"}) {
    out.push_back(MustExtractFile(SamplePath(f)));
  }
  out.push_back(MustExtract("视觉十条落地半年,杭州市已兑现资金三亿元,惠及企业两百家。", "z/b.txt"));
  out.push_back(MustExtract(
      "杭州市人民政府印发《杭州市促进视觉智能产业集群发展若干措施》(以下简称“视觉十条”)。"
      "杭州市经济和信息化局负责解读。",
      "a/a.txt"));
  return out;
}

// What the in-memory path writes.
std::string InMemory(std::vector<Article> articles, const JsonLdOptions& o) {
  ApplyCorpusAliases(Builtin(), articles);
  const auto g = KnowledgeGraph::Build(articles, Builtin().rules(), {.records = true});
  std::ostringstream out;
  REQUIRE(JsonLdWriter(o).Write(g, out).ok());
  return out.str();
}

std::string Spooled(const std::vector<Article>& articles, const JsonLdOptions& o,
                    size_t threads = 1, SpoolStats* stats = nullptr,
                    size_t window = SpoolOptions{}.window) {
  auto spool =
      CorpusSpool::Create(BuiltinPtr(), {.threads = threads, .directory = "", .window = window});
  REQUIRE(spool.ok());
  for (const Article& a : articles) REQUIRE(spool.value()->Add(a).ok());
  CHECK(spool.value()->size() == articles.size());
  std::ostringstream out;
  auto st = spool.value()->WriteJsonLd(out, o);
  REQUIRE(st.ok());
  if (stats) *stats = st.value();
  return out.str();
}

TEST_CASE("the spooled document is the in-memory graph's, byte for byte") {
  const std::vector<Article> corpus = Corpus();
  // only the alias the last article declares finds the policy in this one
  for (const Mention& m : corpus[5].match.mentions) REQUIRE(m.name != "视觉十条");
  const JsonLdOptions o = GENERATE(JsonLdOptions{}, JsonLdOptions{.indent = -1},
                                   JsonLdOptions{.indent = 4, .evidence = false},
                                   JsonLdOptions{.cooccurrence = false, .records = false});
  const std::string expected = InMemory(corpus, o);
  SpoolStats stats;
  CHECK(Spooled(corpus, o, 1, &stats) == expected);
  CHECK(stats.articles == corpus.size());

  // the counts are the graph's
  std::vector<Article> copy = corpus;
  ApplyCorpusAliases(Builtin(), copy);
  const auto g = KnowledgeGraph::Build(copy, Builtin().rules());
  CHECK(stats.entities == g.entities().size());
  CHECK(stats.relations == g.relations().size());
  size_t policies = 0;
  for (const Entity& e : g.entities()) policies += e.type == EntityType::kPolicy;
  CHECK(stats.entities_by_type[EntityType::kPolicy] == policies);

  // the short name became a mention of the policy in the article without it
  const Entity* p = clusterkg::testing::FindEntity(g, EntityType::kPolicy,
                                                   "《杭州市促进视觉智能产业集群发展若干措施》");
  REQUIRE(p);
  REQUIRE(p->mentions.size() == 3);
  CHECK(g.articles()[p->mentions[2].article].id == "z/b.txt");
  CHECK(p->mentions[2].text == "视觉十条");
}

TEST_CASE("the spooled document depends neither on threads nor on the order of adding") {
  std::vector<Article> corpus = Corpus();
  const std::string one = Spooled(corpus, {}, 1);
  CHECK(Spooled(corpus, {}, 3) == one);
  std::reverse(corpus.begin(), corpus.end());
  CHECK(Spooled(corpus, {}, 2) == one);
}

TEST_CASE("the spooled document does not depend on how much is sorted in memory at a time") {
  // windows far smaller than the mentions and the evidence: many of them,
  // with records that run past a window's end
  const std::vector<Article> corpus = Corpus();
  const std::string one = Spooled(corpus, {}, 1);
  for (size_t window : {size_t{1}, size_t{100}, size_t{1000}, size_t{7919}}) {
    CHECK(Spooled(corpus, {}, 2, nullptr, window) == one);
  }
}

TEST_CASE("a spool written after another on the same thread names its own entities") {
  // the writer keeps entity IRIs a thread has made; another document's
  // entity ids name other entities
  const std::vector<Article> corpus = Corpus();
  const std::vector<Article> fewer(corpus.begin() + 2, corpus.end());
  const std::string expected = InMemory(fewer, {});
  CHECK(Spooled(corpus, {}, 1) == InMemory(corpus, {}));
  CHECK(Spooled(fewer, {}, 1) == expected);
}

TEST_CASE("an empty spool writes the empty graph") { CHECK(Spooled({}, {}) == InMemory({}, {})); }

TEST_CASE("a spool whose directory does not exist is an I/O error naming it") {
  auto spool = CorpusSpool::Create(BuiltinPtr(), {.threads = 1, .directory = "/nonexistent/ckg"});
  REQUIRE_FALSE(spool.ok());
  CHECK(spool.status().code() == StatusCode::kIoError);
  CHECK_THAT(spool.status().message(), Catch::StartsWith("/nonexistent/ckg: temporary file: "));
}

TEST_CASE("a spool is written once") {
  auto spool = CorpusSpool::Create(BuiltinPtr());
  REQUIRE(spool.ok());
  REQUIRE(spool.value()->Add(Corpus()[0]).ok());
  std::ostringstream out;
  REQUIRE(spool.value()->WriteJsonLd(out).ok());
  CHECK_FALSE(spool.value()->WriteJsonLd(out).ok());
  CHECK(spool.value()->Add(Corpus()[1]).code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace clusterkg
