// File: clusterkg/export/graphml.h
//
// GraphML output through Boost's write_graphml: vertices carry `kind`
// (article / entity), `type`, `name` and `iri`; edges carry `relation`
// (mentions, location, ...).
//
//   clusterkg::Status s = clusterkg::GraphMlWriter().Write(graph, std::cout);
#ifndef CLUSTERKG_EXPORT_GRAPHML_H_
#define CLUSTERKG_EXPORT_GRAPHML_H_

#include <ostream>

#include "clusterkg/graph.h"
#include "clusterkg/status.h"

namespace clusterkg {

// THREAD SAFETY: stateless.
class GraphMlWriter {
 public:
  Status Write(const KnowledgeGraph& g, std::ostream& out) const;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_EXPORT_GRAPHML_H_
