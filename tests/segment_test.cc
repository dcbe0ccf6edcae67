// The segment stage.
#include <catch2/catch.hpp>

#include "clusterkg/segment.h"

namespace {
std::vector<std::string> Sentences(std::string_view text, const clusterkg::SegmentOptions& o = {}) {
  std::vector<std::string> out;
  for (const auto& s : clusterkg::Segment(text, o)) {
    out.emplace_back(text.substr(s.span.begin, s.span.size()));
  }
  return out;
}
}  // namespace

TEST_CASE("sentences end at Chinese and Western final marks and at block ends") {
  CHECK(Sentences("深圳发布政策。广州跟进!\n杭州很好?宁波") ==
        std::vector<std::string>{"深圳发布政策。", "广州跟进!", "杭州很好?", "宁波"});
}

TEST_CASE("a closing quote stays with its sentence / an opening one starts the next") {
  CHECK(Sentences("他说:\"产业很好。\"随后离开。\"新的\"话题。") ==
        std::vector<std::string>{"他说:\"产业很好。\"", "随后离开。", "\"新的\"话题。"});
}

TEST_CASE("semicolons end sentences unless switched off") {
  CHECK(Sentences("一是举行;二是签约。").size() == 2);
  clusterkg::SegmentOptions o;
  o.split_semicolon = false;
  CHECK(Sentences("一是举行;二是签约。", o).size() == 1);
}

TEST_CASE("overlong sentences are cut at a comma") {
  clusterkg::SegmentOptions o;
  o.max_bytes = 12;
  const auto s = Sentences("深圳市,广州市,东莞市,佛山", o);
  CHECK(s == std::vector<std::string>{"深圳市,", "广州市,", "东莞市,", "佛山"});
}

TEST_CASE("empty and blank text has no sentences") {
  CHECK(clusterkg::Segment("").empty());
  CHECK(clusterkg::Segment(" \n \n").empty());
}
