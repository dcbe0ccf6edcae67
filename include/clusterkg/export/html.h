// File: clusterkg/export/html.h
//
// One self-contained HTML page that draws the graph: the viewer of
// examples/web (Cytoscape.js and our script and style, all inlined) with
// the graph's JSON-LD inlined, working offline from file://. The page
// colours and shapes nodes by type, sizes them by mentions, searches names
// and aliases, filters by type, and shows a node's aliases, relations and
// evidence sentences with their articles.
//
//   clusterkg::Status s = clusterkg::HtmlWriter().Write(graph, out);
//
// The viewer's files are embedded at build time from examples/web, whose
// npm libraries scripts/setup.sh installs; a library built without them
// has no viewer (Available() is false and Write fails).
#ifndef CLUSTERKG_EXPORT_HTML_H_
#define CLUSTERKG_EXPORT_HTML_H_

#include <ostream>
#include <string>

#include "clusterkg/graph.h"
#include "clusterkg/status.h"

namespace clusterkg {

// Options of the HTML writer.
//   field   default            meaning
//   title   "clusterkg graph"  the page's heading and title
struct HtmlOptions {
  std::string title = "clusterkg graph";
};

// THREAD SAFETY: stateless after construction.
class HtmlWriter {
 public:
  explicit HtmlWriter(HtmlOptions options = {}) : options_(std::move(options)) {}
  // Writes the page. The JSON-LD inside leaves out ckg:record (pages are
  // for reading; merge reads JSON-LD or NDJSON files).
  // Errors: kUnsupported without a built-in viewer; kIoError.
  Status Write(const KnowledgeGraph& g, std::ostream& out) const;
  // Whether the library was built with the viewer.
  static bool Available();

 private:
  HtmlOptions options_;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_EXPORT_HTML_H_
