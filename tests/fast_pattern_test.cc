// Fast forms of rule patterns: the rewrite, and the same matches as the
// patterns as written.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "internal/fast_pattern.h"
#include "test_util.h"

using clusterkg::internal::FastPattern;
using clusterkg::internal::MakeFastPattern;

TEST_CASE("bounded repetitions of one character become checked groups") {
  FastPattern f;
  REQUIRE(MakeFastPattern(R"((?P<name>[\p{Han}A-Za-z0-9]{2,24}?(?P<head>公司|集团)))", &f));
  CHECK(f.pattern == R"((?P<name>([\p{Han}A-Za-z0-9]{2,}?)(?P<head>公司|集团)))");
  CHECK(f.group == std::vector<int>{0, 1, 3});
  CHECK(f.bounds == std::vector<std::pair<int, int>>{{2, 24}});

  REQUIRE(MakeFastPattern(R"(\x{E000}.{0,30}作为[^,。]{1,40}促进)", &f));
  CHECK(f.pattern == R"(\x{E000}(.{0,})作为([^,。]{1,})促进)");
  CHECK(f.bounds == std::vector<std::pair<int, int>>{{1, 30}, {2, 40}});
  CHECK(f.group == std::vector<int>{0});
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
            [&](const std::vector<re2::StringPiece>& g) {
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
