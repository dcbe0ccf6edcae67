// The load stage: text, HTML, front matter, JSON records, and bad input.
#include <catch2/catch.hpp>

#include "clusterkg/load.h"
#include "internal/utf8.h"

using clusterkg::LoadJsonRecord;
using clusterkg::LoadString;
using clusterkg::Span;
using clusterkg::StatusCode;

namespace {
std::string RawOf(const clusterkg::Document& d, Span s) {
  auto [b, e] = d.offsets.ToRaw(s);
  return d.raw.substr(b, e - b);
}
Span Find(const clusterkg::Document& d, const std::string& what) {
  const auto p = static_cast<uint32_t>(d.text.find(what));
  REQUIRE(p != std::string::npos);
  return {p, p + static_cast<uint32_t>(what.size())};
}
}  // namespace

TEST_CASE("plain text becomes one block per line / CR LF and indentation dropped") {
  auto d = LoadString("第一行\r\n\r\n  第二行  \n", "a.txt");
  REQUIRE(d.ok());
  CHECK(d->format == clusterkg::SourceFormat::kText);
  CHECK(d->text == "第一行\n第二行\n");
  CHECK(d->blocks.size() == 2);
  CHECK(d->headline == "第一行");
  const auto [b, e] = d->offsets.ToRaw({10, 19});
  CHECK(b == 15);
  CHECK(e == 24);
  // a lone CR ends a line too, before and after an LF
  auto cr = LoadString("第一行\r第二行\n第三行\r\r第四行", "cr.txt");
  REQUIRE(cr.ok());
  CHECK(cr->text == "第一行\n第二行\n第三行\n第四行\n");
  CHECK(cr->blocks.size() == 4);
  CHECK(cr->offsets.ToRaw({30, 39}) == std::make_pair(31u, 40u));  // 第四行
}

TEST_CASE("HTML gives the body text without scripts / styles / navigation or related lists") {
  const std::string html =
      "<html><head><title>光谷新闻_东湖网</title><style>p{}</style>"
      "<script>var x='北京';</script><meta name=\"author\" content=\"记者甲\"></head><body>"
      "<nav><a>上海</a></nav><div class=\"breadcrumb\">首页 &gt; 正文</div>"
      "<h1>光谷新闻</h1><p>深圳&nbsp;会展&amp;中心</p><!-- 广州 -->"
      "<div class=\"related-news\"><a>重庆</a></div><p hidden>天津</p><p>武汉<br>光谷</p>"
      "<footer>版权所有 沪ICP备</footer></body></html>";
  auto d = LoadString(html, "page.html");
  REQUIRE(d.ok());
  CHECK(d->format == clusterkg::SourceFormat::kHtml);
  CHECK(d->headline == "光谷新闻");
  CHECK(d->author == "记者甲");
  CHECK(d->text == "光谷新闻\n深圳\xC2\xA0会展&中心\n武汉\n光谷\n");
  // character references map to the whole reference in the page
  CHECK(RawOf(*d, Find(*d, "\xC2\xA0")) == "&nbsp;");
  CHECK(RawOf(*d, Find(*d, "会展&中心")) == "会展&amp;中心");
  CHECK(RawOf(*d, Find(*d, "武汉")) == "武汉");
}

TEST_CASE("a literal ampersand in HTML is one byte / references to it are the reference") {
  // "&0" and "&D" look like references but are not: gumbo keeps the "&"
  auto d = LoadString("<p>研发R&D中心 2&0家 R&amp;D &#38;x</p>\n", "amp.html");
  REQUIRE(d.ok());
  CHECK(d->text == "研发R&D中心 2&0家 R&D &x\n");
  CHECK(RawOf(*d, Find(*d, "R&D中心")) == "R&D中心");
  CHECK(RawOf(*d, Find(*d, "2&0家")) == "2&0家");
  CHECK(RawOf(*d, Find(*d, " R&D ")) == " R&amp;D ");
  CHECK(RawOf(*d, Find(*d, "&x")) == "&#38;x");
  for (const auto& run : d->offsets.run_list()) CHECK(run.raw_end <= d->raw.size());
}

TEST_CASE("malformed references in HTML keep the text UTF-8 and the offsets inside the input") {
  // an out-of-range numeric reference (gumbo writes no character for it)
  // and a hex reference followed by letters that are no hex digits
  for (const std::string html :
       {"<p>深圳&#x2E2ffffffffffffffffffffffffffffffffffffffffD;中&nbsp;</p>",
        ":\x16<p>深圳&a-p;广州&#xEcformatst read"}) {
    auto d = LoadString(html, "bad.html");
    REQUIRE(d.ok());
    size_t len = 0;
    for (size_t i = 0; i < d->text.size(); i += len) {
      REQUIRE(clusterkg::internal::DecodeUtf8(d->text, i, &len) >= 0);
    }
    CHECK(d->offsets.size() == d->text.size());
    for (const auto& run : d->offsets.run_list()) CHECK(run.raw_end <= d->raw.size());
  }
  // the reference ends where its hex digits end
  auto d = LoadString("<p>x&#xE9zone y</p>", "ref.html");
  REQUIRE(d.ok());
  CHECK(d->text == "x\xC3\xA9zone y\n");
  CHECK(RawOf(*d, Find(*d, "\xC3\xA9")) == "&#xE9");
  CHECK(RawOf(*d, Find(*d, "zone")) == "zone");
}

TEST_CASE("front matter gives headline / date and author / and the headline is text too") {
  const std::string raw =
      "---\ntitle: '苏州纳米集群'\ndate: 2024-03-12 10:15:00\nauthor: 记者乙\n---\n"
      "<p>正文在苏州。</p>\n";
  auto d = LoadString(raw, "a.md");
  REQUIRE(d.ok());
  CHECK(d->format == clusterkg::SourceFormat::kFrontMatterHtml);
  CHECK(d->headline == "苏州纳米集群");
  CHECK(d->date == "2024-03-12T10:15:00");
  CHECK(d->author == "记者乙");
  REQUIRE(d->blocks.size() >= 3);
  CHECK(d->blocks[0].kind == clusterkg::Block::Kind::kHeadline);
  CHECK(RawOf(*d, d->blocks[0].span) == "苏州纳米集群");
  CHECK(d->offsets.ToRaw(d->blocks[0].span).first == raw.find("苏州纳米集群"));
  CHECK(RawOf(*d, Find(*d, "正文在苏州。")) == "正文在苏州。");
}

TEST_CASE("front matter followed by text / RFC 2822 dates") {
  auto d =
      LoadString("\n---\ntitle: 标题\ndate: Tue, 16 Aug 2022 16:09:00 GMT\n---\n正文。\n", "b.md");
  REQUIRE(d.ok());
  CHECK(d->format == clusterkg::SourceFormat::kFrontMatterText);
  CHECK(d->date == "2022-08-16T16:09:00Z");
  CHECK(d->text == "标题\n正文。\n");
}

TEST_CASE("broken front matter is a parse error naming the file") {
  auto d = LoadString("---\ntitle: [不完整\n---\n正文\n", "c.md");
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().code() == StatusCode::kParseError);
  CHECK_THAT(d.status().message(), Catch::StartsWith("c.md:"));
  CHECK_THAT(d.status().message(), Catch::Contains("front matter"));
}

TEST_CASE("JSON records: offsets count bytes of the text field") {
  auto d = LoadJsonRecord(
      R"({"id": "r1", "text": "深圳市", "title": "T", "date": "2024-06-03", "x": 1})", "in.jsonl",
      3);
  REQUIRE(d.ok());
  CHECK(d->id == "r1");
  CHECK(d->raw == "深圳市");
  CHECK(d->url == "in.jsonl:3");
  CHECK(d->headline == "T");
  CHECK(d->date == "2024-06-03");
  auto h =
      LoadJsonRecord(R"({"id": 7, "html": "<p>合肥</p>", "url": "https://x/y"})", "in.jsonl", 4);
  REQUIRE(h.ok());
  CHECK(h->id == "7");
  CHECK(h->url == "https://x/y");
  CHECK(h->text == "合肥\n");
  CHECK(h->offsets.ToRaw({0, 6}).first == 3);
}

TEST_CASE("bad JSON records name the source line") {
  auto a = LoadJsonRecord(R"({"id": 1)", "in.jsonl", 3);
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().code() == StatusCode::kParseError);
  CHECK(a.status().message() == "in.jsonl:3: not a JSON object");
  auto b = LoadJsonRecord(R"({"id": 1, "body": "x"})", "in.jsonl", 5);
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == "in.jsonl:5: record has no \"text\" or \"html\" string");
}

TEST_CASE("invalid UTF-8 / NUL bytes and empty input are refused with the byte offset") {
  auto bad = LoadString(
      "ab\xFF"
      "cd",
      "x.txt");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message() == "x.txt: byte 2: invalid UTF-8");
  auto overlong = LoadString("\xC0\xAF", "y.txt");
  CHECK(overlong.status().message() == "y.txt: byte 0: invalid UTF-8");
  auto overlong3 = LoadString("深\xE0\x80\xAF", "y3.txt");  // three bytes for '/'
  CHECK(overlong3.status().message() == "y3.txt: byte 3: invalid UTF-8");
  auto surrogate = LoadString("深圳\xED\xA0\x80", "s.txt");
  CHECK(surrogate.status().message() == "s.txt: byte 6: invalid UTF-8");
  auto broken = LoadString("深\xE5\xB8圳", "b.txt");  // a character cut short
  CHECK(broken.status().message() == "b.txt: byte 3: invalid UTF-8");
  auto truncated = LoadString("深圳\xE5\xB8", "t.txt");
  CHECK(truncated.status().message() == "t.txt: byte 6: invalid UTF-8");
  auto nul = LoadString(std::string("a\0b", 3), "z.txt");
  CHECK(nul.status().message() == "z.txt: byte 1: NUL byte (binary file?)");
  auto empty = LoadString(" \n\t\n", "e.txt");
  CHECK(empty.status().message() == "e.txt: empty article");
  auto missing = clusterkg::LoadFile("/nonexistent/clusterkg/x.txt");
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK(missing.status().message() == "/nonexistent/clusterkg/x.txt: no such file");
}

TEST_CASE("inputs over the size limit are refused") {
  clusterkg::LoadOptions o;
  o.max_bytes = 4;
  auto d = LoadString("深圳市", "big.txt", o);
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().message() == "big.txt: 9 bytes is more than the limit of 4");
}

TEST_CASE("text saved from a page: breadcrumbs / copyright and related lists are dropped") {
  const std::string raw =
      "新闻首页 > 产业频道 > 正文\n"
      "苏州集群发展\n"
      "苏州纳米新材料集群产值增长。\n"
      "编辑 王小明 审读 李华\n"
      "热门推荐\n"
      "重庆发布新政\n"
      "Copyright 2024 某网站 沪ICP备00000000号\n";
  auto d = LoadString(raw, "saved.txt");
  REQUIRE(d.ok());
  CHECK(d->text == "苏州集群发展\n苏州纳米新材料集群产值增长。\n编辑 王小明 审读 李华\n");
  CHECK(d->headline == "苏州集群发展");
  auto story = LoadString("美泰是游戏版权所有者之一。\n", "s.txt");
  REQUIRE(story.ok());
  CHECK(story->text == "美泰是游戏版权所有者之一。\n");
  clusterkg::LoadOptions keep;
  keep.drop_chrome = false;
  auto all = LoadString(raw, "saved.txt", keep);
  REQUIRE(all.ok());
  CHECK(all->blocks.size() == 7);
}
