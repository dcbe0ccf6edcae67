// DOT writer on Boost's write_graphviz.
#include "clusterkg/export/dot.h"

#include <boost/graph/graphviz.hpp>

#include "export/graph_props.h"

namespace clusterkg {
namespace {

const char* Colour(const std::string& type) {
  if (type == "Organization") return "#4e79a7";
  if (type == "Place") return "#59a14f";
  if (type == "Policy") return "#e15759";
  if (type == "IndustrialCluster") return "#f28e2b";
  if (type == "Industry") return "#edc948";
  if (type == "Event") return "#b07aa1";
  if (type == "Person") return "#ff9da7";
  return "#bab0ac";
}

}  // namespace

Status DotWriter::Write(const KnowledgeGraph& g, std::ostream& out) const {
  internal::GraphProps props(g);
  const auto& gr = g.graph();
  auto index = boost::get(boost::vertex_index, gr);
  std::vector<std::string> color(props.type.size()), shape(props.type.size());
  for (size_t v = 0; v < props.type.size(); ++v) {
    color[v] = Colour(props.type[v]);
    shape[v] = props.kind[v] == "article" ? "note" : "ellipse";
  }
  boost::dynamic_properties dp;
  dp.property("node_id", boost::make_iterator_property_map(props.iri.begin(), index));
  dp.property("label", boost::make_iterator_property_map(props.name.begin(), index));
  dp.property("type", boost::make_iterator_property_map(props.type.begin(), index));
  dp.property("color", boost::make_iterator_property_map(color.begin(), index));
  dp.property("shape", boost::make_iterator_property_map(shape.begin(), index));
  dp.property("label", boost::make_assoc_property_map(props.relation));
  try {
    boost::write_graphviz_dp(out, gr, dp, "node_id");
  } catch (const std::exception& e) {
    return InternalError(std::string("DOT: ") + e.what());
  }
  if (!out) return IoError("DOT: write failed");
  return OkStatus();
}

}  // namespace clusterkg
