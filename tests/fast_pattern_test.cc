// Fast forms of rule patterns: the rewrite, and the same matches as the
// patterns as written.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "internal/fast_pattern.h"
#include "internal/re_options.h"
#include "test_util.h"

using clusterkg::internal::FastPattern;
using clusterkg::internal::MakeFastPattern;

TEST_CASE("bounded repetitions of one character become checked groups") {
  FastPattern f;
  REQUIRE(MakeFastPattern(R"((?P<name>[\p{Han}A-Za-z0-9]{2,24}?(?P<head>公司|集团)))", &f));
  CHECK(f.pattern == R"((?P<name>([\p{Han}A-Za-z0-9]{2,}?)(?P<head>公司|集团)))");
  CHECK(f.group == std::vector<int>{0, 1, 3});
  CHECK(f.bounds == std::vector<std::pair<int, int>>{{2, 24}});
  CHECK(f.after == std::vector<std::string>{""});

  REQUIRE(MakeFastPattern(R"(\x{E000}.{0,30}作为[^,。]{1,40}促进)", &f));
  CHECK(f.pattern == R"(\x{E000}(.{0,})作为([^,。]{1,})促进)");
  CHECK(f.bounds == std::vector<std::pair<int, int>>{{1, 30}, {2, 40}});
  CHECK(f.group == std::vector<int>{0});
  CHECK(f.after == std::vector<std::string>{"", "为"});
  // the literal a repetition follows, and none when it is repeated itself,
  // an escape or another group's end
  REQUIRE(MakeFastPattern(R"((?:"[a-z]{2,10}")?《{2}[a-z]{0,9}\.[a-z]{0,9}(x)[a-z]{0,9})", &f));
  CHECK(f.after == std::vector<std::string>{"\"", "", "", ""});
}

TEST_CASE("patterns that cannot be checked after the match are left alone") {
  FastPattern f;
  CHECK_FALSE(MakeFastPattern(R"((?:[^,]{1,10}、)+集群)", &f));  // repeated group
  CHECK_FALSE(MakeFastPattern(R"(\p{Han}{2,4}公司)", &f));       // a short bound
  CHECK_FALSE(MakeFastPattern(R"((?P<name>省|市)委)", &f));      // nothing bounded
  CHECK(MakeFastPattern(R"((?:[^,]{1,10}、)?集群)", &f));        // optional is fine
}

// Every sentence of the samples, the seeds-free test data and a few written
// here, through every built-in rule: the same matches and groups both ways.
TEST_CASE("every built-in rule finds the same matches through its fast form") {
  std::vector<std::string> texts;
  for (const char* f : {"01-suzhou-nano.txt", "02-wuhan-optics.html", "03-dongguan-terminals.md",
                        "04-bay-area-traditional.txt", "05-ningbo-magnets.md"}) {
    texts.push_back(
        clusterkg::testing::MustExtractFile(clusterkg::testing::SamplePath(f)).doc.text);
  }
  // names longer than the bounds, so that the checks fail and the patterns
  // as written decide
  texts.push_back(std::string(40, 'a') + "科技有限公司与" + std::string(90, 'b') + "研究院签约。");
  texts.push_back(
      "这是一个名字非常非常非常非常非常非常非常非常非常非常非常非常长的产业技术研究院。");
  // event names over the least bound of their rule's fast form (20
  // characters), one over all its bounds together (50), and one of
  // exactly 20
  texts.push_back("举办第三届长江中下游城市群先进制造业与数字经济融合发展成果博览会。");
  texts.push_back(
      "举办长江中下游城市群先进制造业与数字经济融合发展暨长三角城市群先进制造业与数字"
      "经济融合发展创新合作交流暨成果博览会。");
  texts.push_back("举办第三届长江中游城市群数字经济大博览会。");
  // a quoted part over its bound (10) in a short name
  texts.push_back("举办\"长三角先进制造业数字经济\"博览会。");
  size_t rules_with_fast = 0, matches = 0;
  for (const clusterkg::Rule& rule : clusterkg::testing::Builtin().rules().rules()) {
    if (!rule.fast) continue;
    ++rules_with_fast;
    for (const std::string& t : texts) {
      std::vector<std::vector<std::string>> slow, fast;
      for (bool use_fast : {false, true}) {
        auto& out = use_fast ? fast : slow;
        clusterkg::internal::ForEachRuleMatch(
            rule, t, 0, static_cast<uint32_t>(t.size()), use_fast,
            [&](std::span<const re2::StringPiece> g) {
              std::vector<std::string> row;
              for (const auto& sp : g) {
                row.push_back(sp.data() ? std::to_string(sp.data() - t.data()) + ":" +
                                              std::string(sp.data(), sp.size())
                                        : "-");
              }
              out.push_back(std::move(row));
            });
      }
      INFO(rule.id);
      CHECK(fast == slow);
      matches += slow.size();
    }
  }
  CHECK(rules_with_fast >= 20);
  CHECK(matches > 100);
}

namespace {
// The matches next_match(pos, g) finds from pos on, each after the one
// before, with their three groups as "offset+size".
template <typename F>
std::vector<std::string> Matches(const std::string& text, F next_match) {
  std::vector<std::string> out;
  std::vector<re2::StringPiece> g(3);
  for (size_t pos = 0; pos <= text.size() && next_match(pos, g.data());) {
    for (const auto& sp : g)
      out.push_back(std::to_string(sp.data() - text.data()) + "+" + std::to_string(sp.size()));
    pos = static_cast<size_t>(g[0].data() - text.data()) + g[0].size();
  }
  return out;
}
}  // namespace

// Head-anchored forms (internal/head_pattern.h): which patterns have one,
// and RE2's matches and groups on random text, many times over.
using clusterkg::internal::HeadPattern;

TEST_CASE("patterns of one shape get a head-anchored form") {
  CHECK(HeadPattern::Make(R"((?P<name>[\p{Han}A-Za-z0-9]{2,16}?(?P<head>开发区|园区)))"));
  CHECK(HeadPattern::Make(R"((?P<n>\p{Han}{0,12}?(?P<h>处)))"));
  CHECK(HeadPattern::Make(R"((?P<name>[\p{Han}]{2,16}?(?P<head>镇|乡))(?:[^\p{Han}]|的))"));
  CHECK(HeadPattern::Make(R"((?P<name>(?:"[a-z]{2,10}")?[\p{Han}]{2,16}?(?P<head>镇|乡)))"));
  // what follows may not split the pattern, capture or look behind
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[\p{Han}]{2,16}?(?P<head>镇|乡))的|了)"));
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[\p{Han}]{2,16}?(?P<head>镇|乡))(的))"));
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[\p{Han}]{2,16}?(?P<head>镇|乡))\b)"));
  // an alternative that is not a word, with what must follow
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[\p{Han}]{2,16}?(?P<head>(?:镇|乡)a?))(?:的))"));
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[\p{Han}]{2,16}?(?P<head>镇a?|乡)))"));
  // a prefix whose closing quote is in its class
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>(?:"[a-z"]{2,10}")?[\p{Han}]{2,16}?(?P<head>镇)))"));
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[\p{Han}]{2,16}(?P<head>镇|乡)))"));    // greedy
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[\p{Han}]{2,16}?(?P<head>镇|乡+)))"));  // not words
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[[:alpha:]]{2,16}?(?P<head>a|b)))"));
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[\p{Han}]{9,2}?(?P<head>镇)))"));
  // a bracketed part whose open the name's class holds, or whose close its
  // own class holds
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[a-c(]{2,5}?(?:\([a-c]{1,3}\))?(?P<head>b)))"));
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[a-c]{2,5}?(?:\([a-c)]{1,3}\))?(?P<head>b)))"));
  CHECK_FALSE(HeadPattern::Make(R"((?P<name>[a-c]{2,5}?(?:\([a-c]{1,3}\))(?P<head>b)))"));
  CHECK(HeadPattern::Make(R"((?P<name>[a-c]{2,5}?(?:\([a-c]{1,3}\))?(?P<head>b)))"));
  std::vector<std::string> with_head;
  for (const clusterkg::Rule& rule : clusterkg::testing::Builtin().rules().rules()) {
    if (rule.fast && rule.fast->head) with_head.push_back(rule.id);
  }
  std::string ids;
  for (const std::string& id : with_head) ids += id + " ";
  INFO(ids);
  CHECK(std::find(with_head.begin(), with_head.end(), "place.zone") != with_head.end());
  CHECK(std::find(with_head.begin(), with_head.end(), "org.center") != with_head.end());
  CHECK(std::find(with_head.begin(), with_head.end(), "org.government") != with_head.end());
  CHECK(std::find(with_head.begin(), with_head.end(), "org.company") != with_head.end());
}

TEST_CASE("head-anchored matches are RE2's, on random text") {
  // words that overlap and nest, a class with and without the words'
  // characters, bounds from 0
  const std::vector<std::string> patterns = {
      R"((?P<name>[\p{Han}A-Za-z0-9]{2,16}?(?P<head>开发区|区|高新区|园区|产业园区|园)))",
      R"((?P<name>[a-c]{0,5}?(?P<head>ab|b|abc|ca)))",
      R"((?P<name>[^,。a]{1,4}?(?P<head>a|aa|新区)))",
      R"((?P<name>\p{Han}{3,3}?(?P<head>中心)))",
      // a quoted prefix, what must follow, both
      R"((?P<name>(?:"[a-c+]{2,4}")?[\p{Han}a-c]{1,6}?(?P<head>区|园区|ab)))",
      R"((?P<name>[\p{Han}A-Za-z0-9]{2,8}?(?P<head>园|园区|产业园))(?:[^a]|$))",
      R"((?P<name>[^,。]{0,5}?(?P<head>b|bc|ab|区))(?:c|新|ab?))",
      // a quote that the name's class also holds; a short run after the prefix
      R"((?P<name>(?:"[a-c]{1,3}")?[a-c"]{0,4}?(?P<head>b|"c)))",
      R"((?P<name>(?:"[a-c]{1,3}")?\p{Han}{0,2}?(?P<head>区|园区)))",
      // alternatives that are not words: where they end is RE2's
      R"((?P<name>[\p{Han}a-c]{1,6}?(?P<head>(?:开发|新)\p{Han}{0,2}?(?:区|园)|区|开发区|ab)))",
      R"((?P<name>[a-c]{0,4}?(?P<head>b|(?:a|ab)c?|ca|(?:c)a+)))",
      // ... also when R is a word or nothing: the first Wi that R follows
      R"((?P<name>[\p{Han}a-c]{1,6}?(?P<head>(?:开发|开发区|新)区|区|(?:a|ab)c|(?:b|bc))))",
      R"((?P<name>[^,。]{0,5}?(?P<head>(?:ab|a|b)ca|(?:产业|产业园)园区)))",
      R"((?P<n>(?:"[\p{Han}A-Za-z0-9+]{2,10}")?[\p{Han}A-Za-z0-9]{2,28}?(?P<h>产业园|园))(?:[^展化式综]|$))",
      // a bracketed part before the head: words inside it, a head after it
      // that also starts a match of its own, with a prefix, with a tail
      R"((?P<name>[\p{Han}a-c]{1,5}?(?:\(\p{Han}{1,3}\))?(?P<head>区|园区|ab)))",
      R"((?P<name>[a-c]{0,4}?(?:\([a-c新区]{0,2}\))?(?P<head>b|ca|新区)))",
      R"((?P<name>(?:"[a-c+]{2,4}")?[\p{Han}a-c]{1,6}?(?:\([\p{Han}a]{1,3}\))?(?P<head>区|园区|ab)))",
      R"((?P<name>[\p{Han}a-c]{2,5}?(?:\([a-c]{1,3}\))?(?P<head>园|园区))(?:[^a]|$))",
  };
  // pieces the texts are made of: the words, characters in and out of the
  // classes, characters whose first two bytes are a word's (匹 医: 区), and
  // bytes that are not UTF-8 (the first two of 区 among them)
  const std::vector<std::string> pieces = {
      "\"", "+", "产业园", "开发", "区",     "高新",   "园", "产业", "中心",    "深圳", "a",
      "b",  "c", "ab",     ",",    "。",     " ",      "x",  "9",    "新",      "\xE5", "\xFF",
      "😀",  "(", ")",      "(a)",  "(中国)", "(新区)", "匹", "医",   "\xE5\x8C"};
  clusterkg::testing::Lcg next(12345);
  size_t matches = 0;
  for (const std::string& pat : patterns) {
    INFO(pat);
    const auto head = HeadPattern::Make(pat);
    REQUIRE(head);
    const RE2 re(pat, clusterkg::internal::RuleReOptions());
    REQUIRE(re.ok());
    // first texts at the bounds of a quoted prefix and the run after it
    const std::vector<std::string> first = {"\"ab\"新开发区",   "\"ab\"开发区",
                                            "x\"a\"深圳区园区", "\"ab\"新开发高新区",
                                            "\"abcd\"园区",     "\"\"b"};
    for (size_t round = 0; round < 3000; ++round) {
      std::string text = round < first.size() ? first[round] : "";
      for (size_t k = round < first.size() ? 0 : next() % 24; k > 0; --k) {
        text += pieces[next() % pieces.size()];
      }
      const re2::StringPiece input(text);
      const std::vector<std::string> want = Matches(text, [&](size_t pos, re2::StringPiece* g) {
        return re.Match(input, pos, text.size(), RE2::UNANCHORED, g, 3);
      });
      const std::vector<std::string> got = Matches(
          text, [&](size_t pos, re2::StringPiece* g) { return head->Match(input, pos, g); });
      INFO(text);
      REQUIRE(got == want);
      matches += want.size() / 3;
    }
  }
  CHECK(matches > 5000);
}

TEST_CASE("a rule with the head shape gets the head form without a bound to rewrite") {
  clusterkg::ExtractorOptions o;
  o.builtin_rules = false;
  o.rules.push_back({"short.yaml",
                     "rules:\n"
                     "  - id: my.short\n"
                     "    type: Organization\n"
                     "    pattern: '(?P<name>\\p{Han}{2,4}?(?P<head>公司|集团))'\n"});
  auto ex = clusterkg::Extractor::Create(o);
  REQUIRE(ex.ok());
  const clusterkg::Rule* rule = (*ex)->rules().FindRule("my.short");
  REQUIRE(rule);
  REQUIRE(rule->fast);
  CHECK(rule->fast->head);
  CHECK(rule->fast->bounds.empty());  // (n - m < 4: nothing rewritten)
  for (const std::string t : {"深圳星海公司与广州远航科技集团签约。", "一二三四五六公司", "公司"}) {
    std::vector<std::string> slow, fast;
    for (bool use_fast : {false, true}) {
      clusterkg::internal::ForEachRuleMatch(
          *rule, t, 0, static_cast<uint32_t>(t.size()), use_fast,
          [&](std::span<const re2::StringPiece> g) {
            (use_fast ? fast : slow).push_back(std::string(g[0].data(), g[0].size()));
          });
    }
    INFO(t);
    CHECK(fast == slow);
  }
  std::vector<std::string> names;
  const std::string t = "深圳星海公司与广州远航科技集团签约。";
  clusterkg::internal::ForEachRuleMatch(
      *rule, t, 0, static_cast<uint32_t>(t.size()), true,
      [&](std::span<const re2::StringPiece> g) { names.emplace_back(g[1].data(), g[1].size()); });
  CHECK(names == std::vector<std::string>{"深圳星海公司", "远航科技集团"});
}

// Groups rebuilt from where the match is (internal/fast_pattern.h).
using clusterkg::internal::SpanGroups;

TEST_CASE("patterns of two shapes get their groups from where the match is") {
  auto shape = [](const char* p) {
    const RE2 re(p, clusterkg::internal::RuleReOptions());
    REQUIRE(re.ok());
    const auto s = SpanGroups::Make(p, re.NumberOfCapturingGroups());
    return !s ? "none" : s->has_head() ? "head" : "match";
  };
  const std::vector<std::pair<const char*, std::string>> cases = {
      {R"((?P<name>《[^《》]{2,80}?(?:意见|规划)》))", "match"},
      {R"((?P<name>[链河湖]长制))", "match"},
      {R"((?P<name>(?:第[一二三]{1,4}届)?(?:《[^《》]{2,60}》)?[\p{Han}]{0,30}?(?P<head>论坛|大会)))",
       "head"},
      // not the whole pattern
      {R"(x(?P<name>abc))", "none"},
      {R"((?P<name>abc)x)", "none"},
      {R"((?P<name>a)|(?P<b>c))", "none"},
      // a group before R that may end inside a word: (?:xy|x)? prefers xy,
      // and the head of xyz is then z, not the longest word yz
      {R"((?P<n>(?:xy|x)?[a-z]{0,5}?(?P<h>z|yz)))", "none"},
      // ... or that ends with a character of a word
      {R"((?P<n>(?:ay)?[a-z]{0,5}?(?P<h>z|yz)))", "none"},
      {R"((?P<n>(?:ax)?[a-z]{0,5}?(?P<h>z|yz)))", "head"},
      {R"((?P<n>y[a-z]{0,5}?(?P<h>z|yz)))", "none"},
      // R greedy, from one, or no character class; words that are not plain
      {R"((?P<n>[a-z]{0,5}(?P<h>z|yz)))", "none"},
      {R"((?P<n>[a-z]{1,5}?(?P<h>z|yz)))", "none"},
      {R"((?P<n>(?:ab)*?(?P<h>z|yz)))", "none"},
      {R"((?P<n>[a-z]*?(?P<h>z|y+)))", "none"},
      // a greedy run before R
      {R"((?P<n>[a-z]{0,3}[a-z]*?(?P<h>z|yz)))", "none"},
      // flags
      {R"((?P<n>(?U)[a-z]{0,3}?(?P<h>z|yz)))", "none"},
      {R"((?P<n>(?i:ax)?[a-z]{0,3}?(?P<h>z|yz)))", "none"},
  };
  for (const auto& [pattern, want] : cases) {
    INFO(pattern);
    CHECK(shape(pattern) == want);
  }
  std::string ids;
  for (const clusterkg::Rule& rule : clusterkg::testing::Builtin().rules().rules()) {
    if (rule.fast && rule.fast->span && !rule.fast->head) ids += rule.id + " ";
  }
  CHECK(ids.find("event.name ") != std::string::npos);
  CHECK(ids.find("policy.title ") != std::string::npos);
}

TEST_CASE("groups rebuilt from where the match is are RE2's, on random text") {
  // lazy runs and optional groups before R, words that overlap and nest,
  // listed shortest first and longest first
  const std::vector<std::string> patterns = {
      R"((?P<name>(?:第[一二0-9]{1,4}届)?(?:《[^《》]{2,6}》)?(?:"[a-c新+]{2,4}")?[\p{Han}a-c0-9+]{0,5}?(?:"[a-c新+]{2,4}")?[\p{Han}a-c0-9+]{0,4}?(?P<head>会|大会|博览会|论坛|坛|ab|b)))",
      R"((?P<n>(?:x[a-c]{0,2}!)?[a-c]*?(?P<h>c|bc|abc|ca)))",
      R"((?P<n>[a-c]{0,3}?!?[a-c]{0,3}?(?P<h>ab|b|abc|ca)))",
      R"((?P<n>[ab]{0,3}?(?:c!)?[a-c]{0,2}?(?P<h>c|bc|cb|b)))",
      R"((?P<n>[^,。]{0,4}?(?P<h>区|新区|a|aa)))",
      R"((?P<n>第(?:[0-9]{1,2}届)??[\p{Han}]{0,3}?(?P<h>会|大会)))",
  };
  const std::vector<std::string> pieces = {
      "第", "届", "一", "1",  "《", "》", "\"", "+",  "会", "大会", "博览", "论坛", "坛",
      "a",  "b",  "c",  "ab", "!",  "x",  ",",  "。", " ",  "新",   "区",   "\xE5", "😀"};
  clusterkg::testing::Lcg next(777);
  size_t matches = 0;
  for (const std::string& pat : patterns) {
    INFO(pat);
    const RE2 re(pat, clusterkg::internal::RuleReOptions());
    REQUIRE(re.ok());
    const auto span = SpanGroups::Make(pat, re.NumberOfCapturingGroups());
    REQUIRE(span);
    REQUIRE(span->has_head());
    for (size_t round = 0; round < 4000; ++round) {
      std::string text;
      for (size_t k = next() % 20; k > 0; --k) text += pieces[next() % pieces.size()];
      const re2::StringPiece input(text);
      const std::vector<std::string> want = Matches(text, [&](size_t pos, re2::StringPiece* g) {
        return re.Match(input, pos, text.size(), RE2::UNANCHORED, g, 3);
      });
      // the match alone from RE2, its groups rebuilt
      const std::vector<std::string> got = Matches(text, [&](size_t pos, re2::StringPiece* g) {
        if (!re.Match(input, pos, text.size(), RE2::UNANCHORED, g, 1)) return false;
        const size_t h = span->HeadLength(std::string_view(g[0].data(), g[0].size()));
        g[1] = g[0];
        g[2] = re2::StringPiece(g[0].data() + g[0].size() - h, h);
        return true;
      });
      INFO(text);
      REQUIRE(got == want);
      matches += want.size() / 3;
    }
  }
  CHECK(matches > 3000);
}
