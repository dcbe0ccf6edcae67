// The stable hash behind article @ids and the keys of relation and
// co-occurrence @ids: 64-bit FNV-1a, written as 16 lowercase hex digits.
#ifndef CLUSTERKG_INTERNAL_STABLE_HASH_H_
#define CLUSTERKG_INTERNAL_STABLE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace clusterkg::internal {

// Appends the 16 hex digits of s's hash to out.
inline void AppendStableHash(std::string& out, std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  char digits[16];
  for (int k = 15; k >= 0; --k, h >>= 4) digits[k] = "0123456789abcdef"[h & 15];
  out.append(digits, sizeof digits);
}

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_STABLE_HASH_H_
