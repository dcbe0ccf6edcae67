// The UTF-8 check of internal/json_string.h.
#include "internal/json_string.h"

#include <simdjson.h>

namespace clusterkg::internal {

bool ValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

}  // namespace clusterkg::internal
