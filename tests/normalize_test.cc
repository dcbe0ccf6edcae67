// The normalise stage: NFKC, traditional to simplified, quotes, offsets.
#include <catch2/catch.hpp>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

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

// The table asks ICU only of the characters in Hant-Hans's source set: every
// unified ideograph of the BMP must still become what ICU makes of it.
TEST_CASE("every unified ideograph becomes what ICU's Hant-Hans makes of it") {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t2s(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, err));
  REQUIRE(U_SUCCESS(err));
  size_t changed = 0, wrong = 0;
  for (UChar32 c = 0x3400; c <= 0x9FFF; ++c) {
    if (c > 0x4DBF && c < 0x4E00) continue;  // not Han
    icu::UnicodeString u(c);
    std::string alone;
    u.toUTF8String(alone);
    t2s->transliterate(u);
    std::string want;
    u.toUTF8String(want);
    changed += want != alone;
    if (Norm().Normalize(alone) != want) {
      ++wrong;
      UNSCOPED_INFO("U+" << std::hex << c << ": " << alone << " -> " << want);
    }
  }
  CHECK(wrong == 0);
  CHECK(changed > 2000);  // 灣 -> 湾 and the like
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

TEST_CASE("block spans that start and end among unchanged characters") {
  auto d = Normalized("---\ntitle: 深圳市新闻\n---\n第一段正文。\n\n第二段講話,內容。\n\n第三段\n");
  std::vector<std::string> blocks;
  for (const auto& bl : d.blocks) blocks.push_back(d.text.substr(bl.span.begin, bl.span.size()));
  CHECK(blocks ==
        std::vector<std::string>{"深圳市新闻", "第一段正文。", "第二段讲话,内容。", "第三段"});
  // and each block's characters lead back to the raw text's
  for (const auto& bl : d.blocks) {
    const auto [b, e] = d.offsets.ToRaw(bl.span);
    CHECK(d.raw.substr(b, 3) == d.text.substr(bl.span.begin, 3));
    CHECK(e > b);
  }
}
