// Helpers shared by the tests: a process-wide Extractor with the built-in
// rules, and lookups over results.
#ifndef CLUSTERKG_TESTS_TEST_UTIL_H_
#define CLUSTERKG_TESTS_TEST_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "clusterkg/clusterkg.h"

namespace clusterkg::testing {

inline const std::shared_ptr<const Extractor>& BuiltinPtr() {
  static const std::shared_ptr<const Extractor> ex = [] {
    auto r = Extractor::Create();
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return r.value();
  }();
  return ex;
}

inline const Extractor& Builtin() { return *BuiltinPtr(); }

inline Article MustExtract(const std::string& text, const std::string& source = "test.txt") {
  auto r = Builtin().ExtractString(text, source);
  if (!r.ok()) throw std::runtime_error(r.status().ToString());
  return std::move(r).value();
}

inline std::string SamplePath(const std::string& name) {
  return std::string(CLUSTERKG_SOURCE_DIR) + "/examples/articles/" + name;
}

inline Article MustExtractFile(const std::string& path) {
  auto r = Builtin().ExtractFile(path);
  if (!r.ok()) throw std::runtime_error(r.status().ToString());
  return std::move(r).value();
}

// Names of the mentions of one type, in text order.
inline std::vector<std::string> MentionNames(const Article& a, EntityType t) {
  std::vector<std::string> out;
  for (const Mention& m : a.match.mentions) {
    if (m.type == t) out.push_back(m.name);
  }
  return out;
}

// Canonical names of the entities of one type, sorted.
inline std::set<std::string> EntityNames(const KnowledgeGraph& g, EntityType t) {
  std::set<std::string> out;
  for (const Entity& e : g.entities()) {
    if (e.type == t) out.insert(e.name);
  }
  return out;
}

inline const Entity* FindEntity(const KnowledgeGraph& g, EntityType t, const std::string& name) {
  for (const Entity& e : g.entities()) {
    if (e.type == t && e.name == name) return &e;
  }
  return nullptr;
}

// "type(from, to)" for every relation, sorted.
inline std::set<std::string> RelationStrings(const KnowledgeGraph& g) {
  std::set<std::string> out;
  for (const Relation& r : g.relations()) {
    out.insert(std::string(RelationTypeName(r.type)) + "(" + g.entities()[r.from].name + ", " +
               g.entities()[r.to].name + ")");
  }
  return out;
}

// A small deterministic generator of numbers, for random test texts.
class Lcg {
 public:
  explicit Lcg(uint64_t seed) : seed_(seed) {}
  size_t operator()() {
    seed_ = seed_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(seed_ >> 33);
  }

 private:
  uint64_t seed_;
};

inline KnowledgeGraph GraphOf(std::vector<Article> articles) {
  return KnowledgeGraph::Build(articles, Builtin().rules());
}

}  // namespace clusterkg::testing

#endif  // CLUSTERKG_TESTS_TEST_UTIL_H_
