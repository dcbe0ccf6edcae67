// Extracts one article and prints each sentence's mentions (type, name, rule,
// byte offsets into the input) and the article's entities.
//
//   build/bin/clusterkg-extract-example examples/articles/01-plain.txt
#include <iostream>

#include "clusterkg/clusterkg.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " ARTICLE\n";
    return 2;
  }
  auto ex = clusterkg::Extractor::Create();
  if (!ex.ok()) {
    std::cerr << ex.status().ToString() << "\n";
    return 1;
  }
  auto article = ex.value()->ExtractFile(argv[1]);
  if (!article.ok()) {
    std::cerr << article.status().ToString() << "\n";
    return 1;
  }
  const clusterkg::Document& doc = article->doc;
  const clusterkg::MatchResult& m = article->match;
  std::cout << "headline: " << doc.headline << "\n";
  for (const clusterkg::Mention& x : m.mentions) {
    const auto [b, e] = doc.offsets.ToRaw(x.span);
    std::cout << "  [" << b << "," << e << ") " << clusterkg::EntityTypeName(x.type) << " "
              << x.name << "  <" << x.rule << ">\n";
  }
  for (const clusterkg::AliasLink& l : m.aliases) {
    std::cout << "  alias " << l.alias << " = " << m.mentions[l.mention].name << "  <" << l.rule
              << ">\n";
  }
  for (const clusterkg::RelationMatch& r : m.relations) {
    std::cout << "  " << clusterkg::RelationTypeName(r.type) << "(" << m.mentions[r.from].name
              << ", " << m.mentions[r.to].name << ")  <" << r.rule << ">\n";
  }
  std::vector<clusterkg::Article> one;
  one.push_back(std::move(article).value());
  const auto graph = clusterkg::KnowledgeGraph::Build(one, ex.value()->rules());
  std::cout << "entities: " << graph.entities().size() << "\n";
  for (const clusterkg::Entity& e : graph.entities()) {
    std::cout << "  " << clusterkg::EntityTypeName(e.type) << " " << e.name;
    for (const auto& a : e.aliases) std::cout << " | " << a;
    std::cout << "\n";
  }
  return 0;
}
