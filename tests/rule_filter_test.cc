// Which rules can match a sentence: the literals each rule needs, and no
// rule ever left out where RE2 would find a match.
#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "internal/rule_filter.h"
#include "test_util.h"

using clusterkg::Rule;
using clusterkg::internal::RuleFilter;

namespace {
Rule WithPattern(const std::string& pattern) {
  Rule r;
  r.pattern = pattern;
  return r;
}
std::vector<char> Possible(const RuleFilter& f, std::string_view text) {
  std::vector<char> may;
  f.Possible(text, &may);
  return may;
}
}  // namespace

TEST_CASE("a rule is tried only where one of the literals it needs occurs") {
  const Rule org = WithPattern(R"((?P<name>\p{Han}{2,8}?(?P<head>集团|研究院)))");
  const Rule any = WithPattern(R"(\p{Han}{2,4})");  // needs no literal
  const RuleFilter f({&org, &any, nullptr});        // a null rule is left out
  CHECK(f.Atoms() == std::vector<std::string>{"研究院", "集团"});
  CHECK(Possible(f, "青岛澳华集团董事长出席。") == std::vector<char>{1, 1, 0});
  CHECK(Possible(f, "南京紫金山网络通信研究院") == std::vector<char>{1, 1, 0});
  CHECK(Possible(f, "南山区政府出席。") == std::vector<char>{0, 1, 0});
  CHECK(Possible(f, "") == std::vector<char>{0, 1, 0});
}

TEST_CASE("a rule that needs two literals is tried only where both occur") {
  // a verb of issuing, then an entity (U+E000 marks one in a relation rule)
  const Rule issued =
      WithPattern(R"((?P<to>\p{Han}{1,8}?)(?:出台|印发)\p{Han}{0,4}?(?P<from>\x{E000}))");
  const RuleFilter f({&issued});
  CHECK(f.Atoms() == std::vector<std::string>{"出台", "印发", "\uE000"});
  CHECK(Possible(f, "市政府印发\uE000。") == std::vector<char>{1});
  CHECK(Possible(f, "\uE000由市政府印发。") == std::vector<char>{1});  // RE2 then says no
  CHECK(Possible(f, "市政府印发通知。") == std::vector<char>{0});      // no entity
  CHECK(Possible(f, "\uE000与\uE000签约。") == std::vector<char>{0});  // no verb
}

TEST_CASE("literals are found whatever the case of ASCII letters") {
  // RE2's atoms are lowercase: "App" is looked for as "app"
  const Rule app = WithPattern(R"(\p{Han}+App)");
  const Rule ci = WithPattern(R"((?i)\p{Han}+(?:BOT|机器人))");
  const RuleFilter f({&app, &ci});
  CHECK(f.Atoms() == std::vector<std::string>{"app", "bot", "机器人"});
  CHECK(Possible(f, "深圳App上线") == std::vector<char>{1, 0});
  CHECK(Possible(f, "深圳APP上线") == std::vector<char>{1, 0});  // RE2 then says no
  CHECK(Possible(f, "聊天Bot上线") == std::vector<char>{0, 1});
  CHECK(Possible(f, "上线") == std::vector<char>{0, 0});
}

TEST_CASE("a literal with a non-ASCII letter that has case is never relied on") {
  // Σ is also written σ or ς in a text the pattern matches under (?i)
  const Rule sigma = WithPattern(R"((?i)ΣΑΣ\p{Han}+)");
  const RuleFilter f({&sigma});
  REQUIRE(RE2::PartialMatch("σας上线", RE2(sigma.pattern)));
  CHECK(Possible(f, "σας上线") == std::vector<char>{1});
  CHECK(Possible(f, "ΣΑΣ上线") == std::vector<char>{1});
}

// Every sentence of the samples through every built-in entity, alias and
// relation rule: wherever RE2 finds a match, the filter let the rule in.
TEST_CASE("the filter never leaves out a built-in rule that matches") {
  const auto& rules = clusterkg::testing::Builtin().rules().rules();
  std::vector<const Rule*> all;
  for (const Rule& r : rules) all.push_back(&r);
  const RuleFilter f(all);
  size_t matched = 0, skipped = 0;
  for (const char* file : {"01-suzhou-nano.txt", "02-wuhan-optics.html", "03-dongguan-terminals.md",
                           "04-bay-area-traditional.txt", "05-ningbo-magnets.md"}) {
    const clusterkg::Article a =
        clusterkg::testing::MustExtractFile(clusterkg::testing::SamplePath(file));
    for (const clusterkg::Sentence& s : a.match.sentences) {
      const std::string_view text =
          std::string_view(a.doc.text).substr(s.span.begin, s.span.size());
      const std::vector<char> may = Possible(f, text);
      REQUIRE(may.size() == rules.size());
      for (size_t k = 0; k < rules.size(); ++k) {
        const bool found =
            RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), rules[k].re());
        INFO(rules[k].id << " in " << text);
        if (found) CHECK(may[k]);
        matched += found;
        skipped += !may[k];
      }
    }
  }
  CHECK(matched > 100);
  CHECK(skipped > 1000);  // and it does leave rules out
}

// Many parts at once: the answers of one part at a time, whatever the
// parts' number and lengths (empty ones, long ones that fill the record of
// ended atoms many times over, more parts than the walk's four lanes).
TEST_CASE("the filter answers for many parts at once as for each alone") {
  const auto& rules = clusterkg::testing::Builtin().rules().rules();
  std::vector<const Rule*> all;
  for (const Rule& r : rules) all.push_back(&r);
  const RuleFilter f(all);
  const std::vector<std::string> pieces = {"集团", "研究院", "、", "市",   "省", "等",
                                           "印发", "《",     "》", "深圳", "a",  "A",
                                           "App",  "\uE000", "。", " "};
  clusterkg::testing::Lcg next(99);
  size_t differing = 0;
  for (size_t round = 0; round < 200; ++round) {
    std::string text;
    std::vector<std::pair<uint32_t, uint32_t>> parts;
    const size_t n = next() % 11;
    for (size_t i = 0; i < n; ++i) {
      const auto begin = static_cast<uint32_t>(text.size());
      // now and then a part of hundreds of atoms
      const size_t len = next() % 7 == 0 ? 300 + next() % 300 : next() % 30;
      for (size_t k = 0; k < len; ++k) text += pieces[next() % pieces.size()];
      parts.emplace_back(begin, static_cast<uint32_t>(text.size()));
      text += "x";  // parts need not touch
    }
    std::vector<std::vector<char>> each;
    f.PossibleEach(text, parts, &each);
    REQUIRE(each.size() == parts.size());
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::vector<char> alone = Possible(
          f, std::string_view(text).substr(parts[i].first, parts[i].second - parts[i].first));
      INFO("round " << round << ", part " << i);
      REQUIRE(each[i] == alone);
      differing += i > 0 && each[i] != each[i - 1];
    }
  }
  CHECK(differing > 50);  // the parts did ask different questions
}
