// Internal: the JSON text of each kind of @graph node, written without
// json trees in the bytes nlohmann's dump(indent) gives for the node
// `depth` levels down (compact when indent < 0). JsonLdWriter writes a
// KnowledgeGraph's nodes with them; a writer that streams a corpus from
// disk can give the same bytes from the same data. Each clears `buf` and
// writes one node into it.
#ifndef CLUSTERKG_INTERNAL_JSONLD_NODES_H_
#define CLUSTERKG_INTERNAL_JSONLD_NODES_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clusterkg/graph.h"
#include "clusterkg/status.h"

namespace clusterkg::internal {

// The @id of an entity, and of an article (by index). The writers below
// use or copy what one returns before they call it again: it need only
// last until the next call on the same thread.
using IriOf = std::function<const std::string&(EntityId)>;
using ArticleIriOf = std::function<const std::string&(size_t)>;

// NewsArticle: its fields, its record (when `records`), the entities it mentions.
void ArticleNodeText(std::string& buf, int indent, int depth, const ArticleInfo& info, bool records,
                     const std::vector<EntityId>& entities, const IriOf& iri);
// An entity with these mentions (ignoring e.mentions) and its relations as
// (type, object) pairs in relation order.
void EntityNodeText(std::string& buf, int indent, int depth, const Entity& e,
                    const std::vector<EntityMention>& mentions,
                    const std::vector<std::pair<RelationType, EntityId>>& relations,
                    const IriOf& iri, const ArticleIriOf& article_iri);
// ckg:RelationStatement with the relation's evidence.
void RelationNodeText(std::string& buf, int indent, int depth, const Relation& rel,
                      const IriOf& iri, const ArticleIriOf& article_iri);
// ckg:CoOccurrence.
void CoOccurrenceNodeText(std::string& buf, int indent, int depth, const CoOccurrence& c,
                          const IriOf& iri);

// Writes a JSON-LD document (the @context, then the nodes `nodes` emits as
// text, `depth` 2 with `indent`), in the bytes JsonLdWriter::Write gives.
// Errors: what `nodes` returns; kIoError when the stream fails.
using EmitText = std::function<void(std::string_view)>;
using ForEachNodeTextFn = std::function<Status(int indent, int depth, const EmitText& emit)>;
Status WriteJsonLdDocument(std::ostream& out, int indent, const ForEachNodeTextFn& nodes);

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_JSONLD_NODES_H_
