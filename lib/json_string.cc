// JSON strings with their UTF-8 checked (internal/json_string.h).
#include "internal/json_string.h"

#include <simdjson.h>

namespace clusterkg::internal {

bool AppendJsonStringChecked(std::string& out, std::string_view s) {
  if (!simdjson::validate_utf8(s.data(), s.size())) return false;
  AppendJsonString(out, s);
  return true;
}

}  // namespace clusterkg::internal
