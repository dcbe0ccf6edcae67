// Extracts one article with an installed clusterkg and prints its entities.
#include <clusterkg/clusterkg.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  auto ex = clusterkg::Extractor::Create();
  if (!ex.ok()) return 1;
  auto article = ex.value()->ExtractFile(argv[1]);
  if (!article.ok()) return 1;
  std::vector<clusterkg::Article> one;
  one.push_back(std::move(article).value());
  auto graph = clusterkg::KnowledgeGraph::Build(one, ex.value()->rules());
  for (const auto& e : graph.entities()) {
    std::cout << clusterkg::EntityTypeName(e.type) << " " << e.name << "\n";
  }
  return 0;
}
