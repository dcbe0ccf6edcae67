// Records: an article survives encoding, shards merge into the one-run
// graph, and malformed records are refused with a message naming the field.
#include <catch2/catch.hpp>
#include <sstream>

#include "clusterkg/clusterkg.h"
#include "test_util.h"

namespace clusterkg {
namespace {

using clusterkg::testing::Builtin;
using clusterkg::testing::MustExtract;
using clusterkg::testing::MustExtractFile;
using clusterkg::testing::SamplePath;
using nlohmann::json;

std::vector<Article> Samples() {
  std::vector<Article> out;
  for (const char* f : {"01-suzhou-nano.txt", "02-wuhan-optics.html", "03-dongguan-terminals.md",
                        "04-bay-area-traditional.txt", "05-ningbo-magnets.md"}) {
    out.push_back(MustExtractFile(SamplePath(f)));
  }
  return out;
}

// The one-run output: corpus aliases applied, then the graph.
std::string OneRun(std::vector<Article> articles) {
  ApplyCorpusAliases(Builtin(), articles);
  const auto g = KnowledgeGraph::Build(articles, Builtin().rules(), {.records = true});
  return JsonLdWriter().ToJson(g).dump();
}

// Articles through their records, as separate runs would write them, read
// back from the text as the spool reads them.
std::vector<Article> ThroughRecords(const std::vector<Article>& articles) {
  std::vector<Article> out;
  for (const Article& a : articles) {
    const std::string text = EncodeRecord(a, Builtin().rules()).dump();
    auto back = DecodeRecordText(text, Builtin().rules(), "test");  // (simdjson)
    REQUIRE(back.ok());
    out.push_back(std::move(back).value());
  }
  return out;
}

TEST_CASE("a record gives back the article: document / offsets and match") {
  for (const Article& a : Samples()) {
    const Article b = ThroughRecords({a})[0];
    CHECK(b.doc.id == a.doc.id);
    CHECK(b.doc.url == a.doc.url);
    CHECK(b.doc.headline == a.doc.headline);
    CHECK(b.doc.date == a.doc.date);
    CHECK(b.doc.author == a.doc.author);
    CHECK(b.doc.format == a.doc.format);
    CHECK(b.doc.raw == a.doc.raw);
    CHECK(b.doc.text == a.doc.text);
    REQUIRE(b.doc.blocks.size() == a.doc.blocks.size());
    for (uint32_t i = 0; i + 1 < a.doc.text.size(); i += 7) {
      CHECK(b.doc.offsets.ToRaw({i, i + 2}) == a.doc.offsets.ToRaw({i, i + 2}));
    }
    REQUIRE(b.match.mentions.size() == a.match.mentions.size());
    for (size_t i = 0; i < a.match.mentions.size(); ++i) {
      const Mention& x = a.match.mentions[i];
      const Mention& y = b.match.mentions[i];
      CHECK(y.span == x.span);
      CHECK(y.type == x.type);
      CHECK(y.name == x.name);
      CHECK(y.aliases == x.aliases);
      CHECK(y.rule == x.rule);
      CHECK(y.priority == x.priority);
      CHECK(y.gazetteer == x.gazetteer);
      CHECK(y.prefix_place == x.prefix_place);
      CHECK(y.sentence == x.sentence);
      CHECK(y.subtype == x.subtype);
    }
    CHECK(b.match.sentences.size() == a.match.sentences.size());
    CHECK(b.match.aliases.size() == a.match.aliases.size());
    CHECK(b.match.relations.size() == a.match.relations.size());
  }
}

TEST_CASE("the record text is canonical compact JSON and keeps every byte") {
  std::vector<Article> all = Samples();
  // control characters, quotes and backslashes in every string field
  all.push_back(
      MustExtract("引号\"与\\反斜杠\t制表\x01\x1f字符。深圳新一代信息通信集群发展。", "q\"\\.txt"));
  for (const Article& a : all) {
    const std::string text = EncodeRecordText(a, Builtin().rules());
    // what nlohmann writes for the same value: sorted keys, its escapes
    CHECK(json::parse(text).dump() == text);
    auto back = DecodeRecord(json::parse(text), Builtin().rules(), "test");
    REQUIRE(back.ok());
    CHECK(back->doc.raw == a.doc.raw);
    CHECK(back->doc.url == a.doc.url);
    CHECK(back->doc.text == a.doc.text);
  }
}

TEST_CASE("shards merged through their records give the one-run graph") {
  const std::string whole = OneRun(Samples());
  std::vector<Article> merged = ThroughRecords(Samples());
  std::reverse(merged.begin(), merged.end());  // and in another order
  CHECK(OneRun(std::move(merged)) == whole);
}

TEST_CASE("an alias declared in one shard names the entity in another") {
  // shard 1 declares the short name; shard 2 uses only the short name
  const Article a = MustExtract(
      "杭州市人民政府印发《杭州市促进视觉智能产业集群发展若干措施》(以下简称“视觉十条”)。",
      "shard1/a.txt");
  const Article b = MustExtract("视觉十条实施半年,已兑现资金三亿元。", "shard2/b.txt");
  REQUIRE(b.match.mentions.empty());
  const std::string whole = OneRun({a, b});

  std::vector<Article> merged = ThroughRecords({b});
  for (Article& x : ThroughRecords({a})) merged.push_back(std::move(x));
  CHECK(OneRun(merged) == whole);

  ApplyCorpusAliases(Builtin(), merged);
  const auto g = KnowledgeGraph::Build(merged, Builtin().rules());
  const Entity* p = clusterkg::testing::FindEntity(g, EntityType::kPolicy,
                                                   "《杭州市促进视觉智能产业集群发展若干措施》");
  REQUIRE(p);
  REQUIRE(p->mentions.size() == 3);
  CHECK(g.articles()[p->mentions[2].article].id == "shard2/b.txt");
  CHECK(p->mentions[2].text == "视觉十条");

  SECTION("the record keeps the first match, so a later merge can do it again") {
    const Article& again = merged[0].doc.id == "shard2/b.txt" ? merged[0] : merged[1];
    REQUIRE(again.first_match);
    CHECK(again.match.mentions.size() == 1);
    CHECK(EncodeRecord(again, Builtin().rules())["mentions"].empty());
  }
}

// A record of the first sample with one change.
json Broken(const std::function<void(json&)>& change) {
  json r = EncodeRecord(MustExtractFile(SamplePath("01-suzhou-nano.txt")), Builtin().rules());
  change(r);
  return r;
}

// The message DecodeRecord gives for r; DecodeRecordText must give the
// same for r's text, where r has one.
std::string DecodeError(const json& r) {
  auto a = DecodeRecord(r, Builtin().rules(), "in.ndjson:4");
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().code() == StatusCode::kParseError);
  std::string text;
  try {
    text = r.dump();
  } catch (const json::exception&) {
    return a.status().message();  // not valid UTF-8: no JSON text holds it
  }
  auto b = DecodeRecordText(text, Builtin().rules(), "in.ndjson:4");
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().code() == StatusCode::kParseError);
  CHECK(b.status().message() == a.status().message());
  return a.status().message();
}

TEST_CASE("malformed records are refused with the field that is wrong") {
  using Catch::Matchers::StartsWith;
  CHECK_THAT(DecodeError(Broken([](json& r) { r["pack"] = "0123456789abcdef"; })),
             StartsWith("in.ndjson:4: record: matched with rule pack 0123456789abcdef, but these "
                        "rules are " +
                        Builtin().rules().fingerprint()));
  CHECK(DecodeError(Broken([](json& r) { r["version"] = 2; })) ==
        "in.ndjson:4: record: version 2 is not 1 (written by another clusterkg)");
  CHECK(DecodeError(Broken([](json& r) { r.erase("text"); })) ==
        "in.ndjson:4: record: no \"text\"");
  CHECK(DecodeError(Broken([](json& r) { r["offsets"].push_back(1); })) ==
        "in.ndjson:4: record: offsets does not hold groups of 4");
  const size_t text = Broken([](json&) {})["text"].get<std::string>().size();
  CHECK(DecodeError(Broken([](json& r) { r["text"] = r["text"].get<std::string>() + "x"; })) ==
        "in.ndjson:4: record: offsets cover " + std::to_string(text) + " of " +
            std::to_string(text + 1) + " text bytes");
  CHECK(DecodeError(Broken([](json& r) { r["offsets"][2] = 1u << 30; })) ==
        "in.ndjson:4: record: offsets[0] raw end 1073741824 is outside [0, " +
            std::to_string(Broken([](json&) {})["raw"].get<std::string>().size()) + "]");
  // raw bytes changed under a copied run (found by the fuzzer: offsets then
  // pointed into the middle of characters); the first byte of 苏
  CHECK_THAT(DecodeError(Broken([](json& r) {
               std::string raw = r["raw"].get<std::string>();
               raw[0] = 'N';
               r["raw"] = raw;
             })),
             StartsWith("in.ndjson:4: record: offsets[0] copies raw [0, "));
  CHECK_THAT(DecodeError(Broken([](json& r) {
               std::string raw = r["raw"].get<std::string>();
               raw[0] = 'N';
               r["raw"] = raw;
             })),
             Catch::Matchers::EndsWith(") but the text differs at raw byte 0"));
  CHECK(DecodeError(Broken([](json& r) { r["mentions"][0][1] = 1u << 30; })) ==
        "in.ndjson:4: record: mentions[0] end 1073741824 is outside [1, " + std::to_string(text) +
            "]");
  CHECK(DecodeError(Broken([](json& r) { r["mentions"][1][2] = "Planet"; })) ==
        "in.ndjson:4: record: mentions[1] has unknown type \"Planet\"");
  CHECK(DecodeError(Broken([](json& r) { r["mentions"][1][6] = 1000000; })) ==
        "in.ndjson:4: record: mentions[1] gazetteer 1000000 is outside [-1, " +
            std::to_string(Builtin().rules().gazetteer().size() - 1) + "]");
  CHECK(DecodeError(Broken([](json& r) { std::swap(r["mentions"][0], r["mentions"][1]); })) ==
        "in.ndjson:4: record: mentions[1] is out of order (mentions are sorted by begin, longer "
        "first)");
  CHECK(DecodeError(Broken([](json& r) { r["relations"][0][2] = 999; })) ==
        "in.ndjson:4: record: relations[0] to 999 is outside [0, " +
            std::to_string(Broken([](json&) {})["mentions"].size() - 1) + "]");
  CHECK(DecodeError(Broken([](json& r) { r["aliases"][0] = "x"; })) ==
        "in.ndjson:4: record: aliases[0] is not an array of 3");
  CHECK(DecodeError(Broken([](json& r) { r["mentions"][0][0] = -1; })) ==
        "in.ndjson:4: record: mentions[0] begin -1 is outside [0, " + std::to_string(text) + "]");
  CHECK(DecodeError(Broken([](json& r) { r["mentions"][0][3] = 7; })) ==
        "in.ndjson:4: record: mentions[0] name is not a string");
  CHECK(DecodeError(Broken([](json& r) { r["mentions"][0][5] = 1.5; })) ==
        "in.ndjson:4: record: mentions[0] priority is not an integer");
  CHECK(DecodeError(Broken([](json& r) { r["mentions"][0][5] = 18446744073709551615u; })) ==
        "in.ndjson:4: record: mentions[0] priority 9223372036854775807 is outside [-2147483648, "
        "2147483647]");
  CHECK(DecodeError(json::array()) == "in.ndjson:4: record: not an object");
}

TEST_CASE("record text that is not JSON is refused with simdjson's reason") {
  const std::string text =
      EncodeRecordText(MustExtractFile(SamplePath("01-suzhou-nano.txt")), Builtin().rules());
  auto a = DecodeRecordText(std::string_view(text).substr(0, text.size() / 2), Builtin().rules(),
                            "spool: article 3");
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().code() == StatusCode::kParseError);
  CHECK_THAT(a.status().message(), Catch::Matchers::StartsWith("spool: article 3: record: "));
  CHECK(a.status().message().size() > std::string("spool: article 3: record: ").size());
  CHECK_FALSE(DecodeRecordText("", Builtin().rules(), "x").ok());
  CHECK(DecodeRecordText(text, Builtin().rules(), "x").ok());  // the whole text reads back
}

TEST_CASE("records are read from JSON-LD and NDJSON with each problem named by line") {
  std::vector<Article> two = Samples();
  two.resize(2);
  std::string ndjson;
  for (const Article& a : two) {
    const auto g = KnowledgeGraph::Build({a}, Builtin().rules(), {.records = true});
    ndjson += JsonLdWriter({.indent = -1}).ToJson(g).dump() + "\n";
  }
  const std::string failed =
      R"({"@context": {}, "@type": "NewsArticle", "url": "bad.txt", "ckg:error": "bad.txt: empty input"})";
  const std::string no_record = R"({"@type": "NewsArticle", "url": "plain.txt"})";
  std::istringstream in(failed + "\n\n" + ndjson + "{not json\n" + no_record + "\n");
  std::vector<Status> errors;
  const auto got = ReadRecords(in, "shard.ndjson", Builtin().rules(), &errors);
  REQUIRE(got.size() == 2);
  CHECK(got[0].doc.url == two[0].doc.url);
  CHECK(got[1].match.mentions.size() == two[1].match.mentions.size());
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].message() == "shard.ndjson:1: bad.txt: was not extracted: bad.txt: empty input");
  CHECK(errors[1].message() == "shard.ndjson:5: not JSON");
  CHECK(errors[2].message() ==
        "shard.ndjson:6: plain.txt: has no ckg:record (written with --no-record, or by another "
        "tool)");

  SECTION("ForEachRecord hands each article over as its line is read") {
    std::istringstream again(failed + "\n\n" + ndjson + "{not json\n" + no_record + "\n");
    errors.clear();
    std::vector<std::pair<std::string, size_t>> seen;  // (url, errors so far)
    ForEachRecord(again, "shard.ndjson", Builtin().rules(), &errors,
                  [&](Article&& a) { seen.emplace_back(a.doc.url, errors.size()); });
    REQUIRE(seen.size() == 2);
    // after line 1's error, before line 5's
    CHECK(seen[0] == std::make_pair(two[0].doc.url, size_t{1}));
    CHECK(seen[1] == std::make_pair(two[1].doc.url, size_t{1}));
    CHECK(errors.size() == 3);
  }
  SECTION("a whole JSON-LD document, and one that breaks off") {
    const auto g = KnowledgeGraph::Build(two, Builtin().rules(), {.records = true});
    const std::string doc = JsonLdWriter().ToJson(g).dump(2);
    std::istringstream whole(doc);
    errors.clear();
    CHECK(ReadRecords(whole, "a.jsonld", Builtin().rules(), &errors).size() == 2);
    CHECK(errors.empty());
    std::istringstream cut(doc.substr(0, doc.size() / 2));
    CHECK(ReadRecords(cut, "a.jsonld", Builtin().rules(), &errors).empty());
    REQUIRE(errors.size() == 1);
    const auto lines = std::count(doc.begin(), doc.begin() + doc.size() / 2, '\n') + 1;
    CHECK_THAT(errors[0].message(), Catch::Matchers::StartsWith(
                                        "a.jsonld:" + std::to_string(lines) + ": not JSON-LD: "));
  }
  SECTION("lines and records that simdjson refuses are read with nlohmann") {
    // simdjson refuses an integer over 64 bits; nlohmann reads it as a double
    const std::string big = "123456789012345678901234567890";
    std::string line = ndjson.substr(0, ndjson.find('\n'));
    const std::string value = R"("@value":"{)";
    const size_t at = line.find(value);
    REQUIRE(at != std::string::npos);
    std::string record_big = line;  // a member more in the record's text
    record_big.insert(at + value.size(), R"(\"big\":)" + big + ",");
    const std::string line_big = "{\"ckg:big\": " + big + ", " + line.substr(1);
    CHECK_FALSE(DecodeRecordText("{\"big\":" + big + "}", Builtin().rules(), "x").ok());
    std::istringstream lines(line + "\n" + line_big + "\n" + record_big + "\n");
    errors.clear();
    const auto read = ReadRecords(lines, "big.ndjson", Builtin().rules(), &errors);
    CHECK(errors.empty());
    REQUIRE(read.size() == 3);
    for (const Article& a : read) CHECK(a.doc.url == two[0].doc.url);
  }
  SECTION("a number too large for a double is an error, not an escaping exception") {
    // (found by the fuzzer: nlohmann throws out_of_range for it)
    std::istringstream in("{\"@graph\": [\n  1E400\n]}\n");
    errors.clear();
    CHECK(ReadRecords(in, "big.jsonld", Builtin().rules(), &errors).empty());
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0].message(), Catch::Matchers::StartsWith("big.jsonld: not JSON-LD: "));
  }
}

}  // namespace
}  // namespace clusterkg
