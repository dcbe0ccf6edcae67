// The normalise stage: NFKC, traditional to simplified, quotes, offsets.
#include <catch2/catch.hpp>

#include "clusterkg/load.h"
#include "clusterkg/normalize.h"

namespace {
const clusterkg::Normalizer& Norm() {
  static auto n = clusterkg::Normalizer::Create().value();
  return *n;
}
clusterkg::Document Normalized(const std::string& raw) {
  auto d = clusterkg::LoadString(raw, "n.txt");
  REQUIRE(d.ok());
  Norm().Apply(d.value());
  return std::move(d).value();
}
}  // namespace

TEST_CASE("full-width digits / letters and plus become ASCII") {
  CHECK(Norm().Normalize("２０＋８ＡＩ") == "20+8AI");
  CHECK(Norm().Normalize("（筹），：") == "(筹),:");
  CHECK(Norm().Normalize("深圳　广州") == "深圳 广州");
}

TEST_CASE("traditional characters become simplified") {
  CHECK(Norm().Normalize("粵港澳大灣區產業集群") == "粤港澳大湾区产业集群");
  CHECK(Norm().Normalize("廣東省工業和信息化廳") == "广东省工业和信息化厅");
}

TEST_CASE("every quote form becomes one") {
  CHECK(Norm().Normalize("“深圳”「广州」『东莞』‘佛山’＂中山＂") ==
        "\"深圳\"\"广州\"'东莞''佛山'\"中山\"");
}

TEST_CASE("offsets of normalised text reach the original characters") {
  const std::string raw = "廣州２０＋８政策\n";
  auto d = Normalized(raw);
  CHECK(d.text == "广州20+8政策\n");
  // "广州" is 6 bytes, each original character 3 bytes
  CHECK(d.offsets.ToRaw({0, 6}) == std::make_pair(0u, 6u));
  // "20+8": 4 ASCII bytes from 4 full-width characters of 3 bytes each
  CHECK(d.offsets.ToRaw({6, 10}) == std::make_pair(6u, 18u));
  CHECK(d.offsets.ToRaw({7, 8}) == std::make_pair(9u, 12u));
  CHECK(d.offsets.ToRaw({10, 16}) == std::make_pair(18u, 24u));
}

TEST_CASE("normalising keeps block spans on the new text") {
  auto d = Normalized("---\ntitle: 粵港澳\n---\n正文\n");
  REQUIRE_FALSE(d.blocks.empty());
  const auto& h = d.blocks[0].span;
  CHECK(d.text.substr(h.begin, h.size()) == "粤港澳");
}
