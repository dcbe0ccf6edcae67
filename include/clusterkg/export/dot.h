// File: clusterkg/export/dot.h
//
// Graphviz DOT output through Boost's write_graphviz: one node per article
// and entity, labelled with its name and coloured by type; one edge per
// mention and relation, labelled with the relation.
//
//   clusterkg::Status s = clusterkg::DotWriter().Write(graph, std::cout);
#ifndef CLUSTERKG_EXPORT_DOT_H_
#define CLUSTERKG_EXPORT_DOT_H_

#include <ostream>

#include "clusterkg/graph.h"
#include "clusterkg/status.h"

namespace clusterkg {

// THREAD SAFETY: stateless.
class DotWriter {
 public:
  Status Write(const KnowledgeGraph& g, std::ostream& out) const;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_EXPORT_DOT_H_
