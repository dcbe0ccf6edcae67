// The story, not the page: each sample story wrapped in a noisy portal page
// of our own making gives the same entities as the bare story.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>

#include "test_util.h"

using namespace clusterkg;

namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

// A portal page around a story: menus, breadcrumbs, a share bar, a hot list
// and a side column with no class words, comments, friend links, footer.
// The chrome names entities of every type that the story does not.
std::string PortalPage(const std::string& headline, const std::vector<std::string>& paragraphs) {
  std::string p;
  p += "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + Escape(headline) +
       "_要闻_华南产经网</title><script>var city='北京';</script></head><body>\n";
  p += "<div id=\"header\"><div class=\"logo\">华南产经网</div><ul class=\"menu\">"
       "<li><a href=\"/\">首页</a></li><li><a href=\"/bj\">北京</a></li><li><a href=\"/sh\">上海"
       "</a></li><li><a href=\"/cq\">重庆</a></li><li><a href=\"/xa\">西安</a></li></ul></div>\n";
  p += "<div class=\"crumbs\"><a href=\"/\">首页</a> &gt; <a href=\"/cj\">财经</a> &gt; "
       "正文</div>\n";
  p += "<div class=\"wrap\"><div class=\"left\"><h1>" + Escape(headline) + "</h1>\n";
  p += "<div class=\"info\">2024-05-01 09:00</div><div class=\"text\">\n";
  for (const auto& para : paragraphs) p += "<p>" + Escape(para) + "</p>\n";
  p += "</div><div class=\"bdshare\"><a href=\"#\">微信</a> <a href=\"#\">微博</a></div></div>\n";
  p += "<div class=\"right\"><h3>热点</h3><ul>"
       "<li><a href=\"/1\">杭州市人民政府印发《杭州市数字经济发展规划》</a></li>"
       "<li><a href=\"/2\">青岛智能家电产业集群获评国家级</a></li>"
       "<li><a href=\"/3\">第五届世界智能大会在天津开幕</a></li>"
       "<li><a href=\"/4\">郑州航空港经济综合实验区签约三个项目</a></li></ul></div></div>\n";
  p += "<div class=\"pinglun\"><p>网友：天津的朋友说好</p><a href=\"/c\">查看全部评论</a>"
       "<a href=\"/c2\">南京网友</a><a href=\"/c3\">苏州网友</a></div>\n";
  p += "<div class=\"flinks\"><a href=\"http://a\">浙江日报</a><a "
       "href=\"http://b\">湖北日报</a></div>\n";
  p += "<div id=\"footer\"><p>Copyright © 2024 华南产经网 粤ICP备00000000号</p></div>\n";
  p += "</body></html>\n";
  return p;
}

std::set<std::string> Entities(const Article& a) {
  std::vector<Article> one;
  one.push_back(a);
  const auto g = clusterkg::testing::GraphOf(std::move(one));
  std::set<std::string> out;
  for (const Entity& e : g.entities())
    out.insert(std::string(EntityTypeName(e.type)) + " " + e.name);
  return out;
}

}  // namespace

TEST_CASE("a story wrapped in a portal page gives the bare story's entities") {
  for (const char* name :
       {"01-suzhou-nano.txt", "04-bay-area-traditional.txt", "05-ningbo-magnets.md"}) {
    INFO(name);
    const Article bare = clusterkg::testing::MustExtractFile(clusterkg::testing::SamplePath(name));
    // the story's blocks as written in the file
    std::vector<std::string> paragraphs;
    for (const Block& b : bare.doc.blocks) {
      const auto [rb, re] = bare.doc.offsets.ToRaw(b.span);
      paragraphs.push_back(bare.doc.raw.substr(rb, re - rb));
    }
    REQUIRE(paragraphs.size() >= 3);
    const std::string headline = paragraphs.front();
    paragraphs.erase(paragraphs.begin());
    const Article wrapped =
        clusterkg::testing::MustExtract(PortalPage(headline, paragraphs), "portal.html");
    CHECK(Entities(wrapped) == Entities(bare));
    // and the mentions still point at the story's text in the page
    for (const Mention& m : wrapped.match.mentions) {
      const auto [b, e] = wrapped.doc.offsets.ToRaw(m.span);
      CHECK(clusterkg::testing::Builtin().normalizer().Normalize(wrapped.doc.raw.substr(
                b, e - b)) == wrapped.doc.text.substr(m.span.begin, m.span.size()));
    }
  }
}

TEST_CASE("without chrome removal the portal's chrome is extracted too") {
  ExtractorOptions o;
  o.load.drop_chrome = false;
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  auto a =
      ex.value()->ExtractString(PortalPage("苏州集群发展", {"苏州纳米新材料集群发展。"}), "p.html");
  REQUIRE(a.ok());
  const auto names = Entities(*a);
  CHECK(names.count("Place 北京") == 1);
  CHECK(names.count("IndustrialCluster 青岛智能家电产业集群") == 1);
}

TEST_CASE("a traditional-character rewrite of a sample gives the same canonical names") {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> s2t(
      icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, err));
  REQUIRE(U_SUCCESS(err));
  for (const char* name : {"01-suzhou-nano.txt", "05-ningbo-magnets.md"}) {
    INFO(name);
    std::ifstream in(clusterkg::testing::SamplePath(name), std::ios::binary);
    const std::string simplified((std::istreambuf_iterator<char>(in)), {});
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(simplified);
    s2t->transliterate(u);
    std::string traditional;
    u.toUTF8String(traditional);
    REQUIRE(traditional != simplified);
    const Article a = clusterkg::testing::MustExtract(simplified, name);
    const Article b = clusterkg::testing::MustExtract(traditional, name);
    CHECK(Entities(b) == Entities(a));
  }
}

TEST_CASE("one line / CRLF / full width / corner quotes: same entities / exact offsets") {
  std::ifstream in(clusterkg::testing::SamplePath("01-suzhou-nano.txt"), std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  const Article plain = clusterkg::testing::MustExtract(text, "a.txt");
  // the whole article on one line
  std::string one_line;
  for (char c : text) one_line += c == '\n' ? ' ' : c;
  // CR LF line ends, ideographic spaces, full-width digits, corner quotes
  std::string variant;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (c == '\n') {
      variant += "\r\n";
    } else if (c >= '0' && c <= '9') {
      variant += "\xEF\xBC";  // U+FF10 + digit
      variant += static_cast<char>(0x90 + (c - '0'));
    } else if (text.compare(i, 3, "\u201C") == 0) {
      variant += "\u300C";
      i += 2;
    } else if (text.compare(i, 3, "\u201D") == 0) {
      variant += "\u300D";
      i += 2;
    } else if (c == ' ') {
      variant += "\u3000";
    } else {
      variant += static_cast<char>(c);
    }
  }
  REQUIRE(variant != text);
  for (const std::string& form : {one_line, variant}) {
    const Article a = clusterkg::testing::MustExtract(form, "b.txt");
    CHECK(Entities(a) == Entities(plain));
    for (const Mention& m : a.match.mentions) {
      const auto [b, e] = a.doc.offsets.ToRaw(m.span);
      INFO(m.name);
      CHECK(clusterkg::testing::Builtin().normalizer().Normalize(form.substr(b, e - b)) ==
            a.doc.text.substr(m.span.begin, m.span.size()));
    }
  }
}
