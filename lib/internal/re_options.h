// The RE2 options every rule pattern is compiled with. Shared by the rule
// pack and the rule filter, which must parse a pattern as the rule does.
#ifndef CLUSTERKG_LIB_INTERNAL_RE_OPTIONS_H_
#define CLUSTERKG_LIB_INTERNAL_RE_OPTIONS_H_

#include <re2/re2.h>

#include <cstdint>

namespace clusterkg::internal {

inline RE2::Options RuleReOptions() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(int64_t{64} << 20);
  return o;
}

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_RE_OPTIONS_H_
