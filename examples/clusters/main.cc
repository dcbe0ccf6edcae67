// An analyst's program: extracts a folder of articles through the library
// and prints each industrial cluster with its place, promotion agency and
// leading enterprises.
//
//   build/bin/clusterkg-clusters-example examples/articles
#include <iostream>
#include <map>
#include <set>

#include "clusterkg/clusterkg.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " DIR_OR_FILE...\n";
    return 2;
  }
  auto ex = clusterkg::Extractor::Create();
  if (!ex.ok()) {
    std::cerr << ex.status().ToString() << "\n";
    return 1;
  }
  std::vector<clusterkg::Status> errors;
  std::vector<std::string> inputs(argv + 1, argv + argc);
  std::vector<clusterkg::Article> articles;
  for (const std::string& path : clusterkg::CollectInputFiles(inputs, &errors)) {
    if (path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0) continue;
    auto a = ex.value()->ExtractFile(path);
    if (a.ok()) {
      articles.push_back(std::move(a).value());
    } else {
      errors.push_back(a.status());
    }
  }
  for (const auto& e : errors) std::cerr << "skipped: " << e.message() << "\n";

  const auto graph = clusterkg::KnowledgeGraph::Build(articles, ex.value()->rules());
  // relations by cluster: predicate -> names of the objects
  std::map<clusterkg::EntityId, std::map<clusterkg::RelationType, std::set<std::string>>> facts;
  for (const clusterkg::Relation& r : graph.relations()) {
    facts[r.from][r.type].insert(graph.entities()[r.to].name);
  }
  auto list = [](const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "、") + n;
    return out.empty() ? std::string("-") : out;
  };
  size_t clusters = 0;
  for (const clusterkg::Entity& e : graph.entities()) {
    if (e.type != clusterkg::EntityType::kIndustrialCluster) continue;
    ++clusters;
    auto& f = facts[e.id];
    std::cout << e.name << "\n"
              << "  place:               " << list(f[clusterkg::RelationType::kLocation]) << "\n"
              << "  promotion agency:    " << list(f[clusterkg::RelationType::kPromotionAgency])
              << "\n"
              << "  leading enterprises: " << list(f[clusterkg::RelationType::kLeadingEnterprise])
              << "\n";
  }
  std::cout << clusters << " clusters in " << articles.size() << " articles\n";
  return 0;
}
