// File: clusterkg/clusterkg.h
//
// Umbrella header: includes the public header of every pipeline stage.
// See README.md for a tour and docs/architecture.md for the design.
#ifndef CLUSTERKG_CLUSTERKG_H_
#define CLUSTERKG_CLUSTERKG_H_

#include "clusterkg/analytics.h"       // IWYU pragma: export
#include "clusterkg/document.h"        // IWYU pragma: export
#include "clusterkg/export/dot.h"      // IWYU pragma: export
#include "clusterkg/export/graphml.h"  // IWYU pragma: export
#include "clusterkg/export/html.h"     // IWYU pragma: export
#include "clusterkg/export/jsonld.h"   // IWYU pragma: export
#include "clusterkg/extractor.h"       // IWYU pragma: export
#include "clusterkg/graph.h"           // IWYU pragma: export
#include "clusterkg/inspect.h"         // IWYU pragma: export
#include "clusterkg/load.h"            // IWYU pragma: export
#include "clusterkg/match.h"           // IWYU pragma: export
#include "clusterkg/normalize.h"       // IWYU pragma: export
#include "clusterkg/record.h"          // IWYU pragma: export
#include "clusterkg/resolve.h"         // IWYU pragma: export
#include "clusterkg/rules.h"           // IWYU pragma: export
#include "clusterkg/segment.h"         // IWYU pragma: export
#include "clusterkg/spool.h"           // IWYU pragma: export
#include "clusterkg/status.h"          // IWYU pragma: export

#endif  // CLUSTERKG_CLUSTERKG_H_
