// Internal: an entity's @id appended to a buffer, for writers that make
// many (the text of clusterkg::EntityIri, graph.h).
#ifndef CLUSTERKG_INTERNAL_ENTITY_IRI_H_
#define CLUSTERKG_INTERNAL_ENTITY_IRI_H_

#include <string>
#include <string_view>

#include "clusterkg/rules.h"

namespace clusterkg::internal {

// Appends EntityIri(type, name) to `out`.
void AppendEntityIri(std::string& out, EntityType type, std::string_view name);

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_ENTITY_IRI_H_
