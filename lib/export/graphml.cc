// GraphML writer on Boost's write_graphml.
#include "clusterkg/export/graphml.h"

#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>

#include "export/graph_props.h"

namespace clusterkg {

Status GraphMlWriter::Write(const KnowledgeGraph& g, std::ostream& out) const {
  internal::GraphProps props(g);
  const auto& gr = g.graph();
  auto index = boost::get(boost::vertex_index, gr);
  boost::dynamic_properties dp;
  dp.property("kind", boost::make_iterator_property_map(props.kind.begin(), index));
  dp.property("type", boost::make_iterator_property_map(props.type.begin(), index));
  dp.property("name", boost::make_iterator_property_map(props.name.begin(), index));
  dp.property("iri", boost::make_iterator_property_map(props.iri.begin(), index));
  dp.property("relation", boost::make_assoc_property_map(props.relation));
  try {
    boost::write_graphml(out, gr, dp, true);
  } catch (const std::exception& e) {
    return InternalError(std::string("GraphML: ") + e.what());
  }
  if (!out) return IoError("GraphML: write failed");
  return OkStatus();
}

}  // namespace clusterkg
