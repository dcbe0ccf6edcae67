// File: clusterkg/export/jsonld.h
//
// JSON-LD 1.1 output (SPEC section 4): one document whose inline @context
// maps terms to https://schema.org/ and ckg: = https://w3id.org/clusterkg/vocab#.
// Entities carry @type (base class, then subclass), name, alternateName,
// ckg:mention nodes with byte offsets into the original input, and their
// relations as plain properties; every relation also has a
// ckg:RelationStatement node naming both ends, the predicate and its
// evidence (docs/jsonld-vocabulary.md). The only public header that
// includes nlohmann/json.
//
//   clusterkg::JsonLdWriter w;
//   clusterkg::Status s = w.Write(graph, std::cout);
#ifndef CLUSTERKG_EXPORT_JSONLD_H_
#define CLUSTERKG_EXPORT_JSONLD_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>

#include "clusterkg/graph.h"
#include "clusterkg/status.h"

namespace clusterkg {

// Options of the JSON-LD writer.
//   field      default  meaning
//   indent     2        spaces per level; -1 writes one line (NDJSON)
//   evidence   true     write ckg:RelationStatement nodes
//   cooccurrence true   write ckg:CoOccurrence nodes (entity pairs named in
//                       one sentence, with ckg:count)
//   records    true     write each article's record (ckg:record, an
//                       rdf:JSON literal) when the graph keeps them
//                       (BuildOptions::records): what `clusterkg merge` reads
struct JsonLdOptions {
  int indent = 2;
  bool evidence = true;
  bool cooccurrence = true;
  bool records = true;
};

// The inline @context every document carries.
nlohmann::json JsonLdContext();

// ADL hooks (nlohmann style): an entity / article as a JSON-LD node.
void to_json(nlohmann::json& j, const KnowledgeGraph& g);

// WHAT THIS REPRESENTS: a stateless writer. THREAD SAFETY: const, shareable.
class JsonLdWriter {
 public:
  explicit JsonLdWriter(JsonLdOptions options = {}) : options_(options) {}
  nlohmann::json ToJson(const KnowledgeGraph& g) const;
  // Writes the document and a final newline, the bytes of
  // ToJson(g).dump(indent), one node at a time (memory for one node, not
  // the document). Errors: kIoError.
  Status Write(const KnowledgeGraph& g, std::ostream& out) const;
  // The nodes of @graph in document order.
  void ForEachNode(const KnowledgeGraph& g,
                   const std::function<void(nlohmann::json&&)>& emit) const;
  // The same nodes as JSON text, written without json trees: compact when
  // indent < 0, else as dump(indent) writes a node `depth` levels down.
  // `text` is valid until `emit` returns.
  void ForEachNodeText(const KnowledgeGraph& g, int indent, int depth,
                       const std::function<void(std::string_view text)>& emit) const;

 private:
  JsonLdOptions options_;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_EXPORT_JSONLD_H_
