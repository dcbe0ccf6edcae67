// OffsetMap: derived text positions -> raw byte ranges.
#include "clusterkg/document.h"

#include <algorithm>

namespace clusterkg {

void OffsetMap::Append(uint32_t len, uint32_t raw_begin, uint32_t raw_end) {
  for (uint32_t i = 0; i < len; ++i) {
    begin_.push_back(raw_begin);
    end_.push_back(raw_end);
  }
}

std::pair<uint32_t, uint32_t> OffsetMap::ToRaw(const Span& span) const {
  if (begin_.empty()) return {0, 0};
  const uint32_t b = std::min<uint32_t>(span.begin, size() - 1);
  if (span.empty()) return {begin_[b], begin_[b]};
  const uint32_t e = std::min<uint32_t>(span.end, size()) - 1;
  uint32_t lo = begin_[b], hi = end_[e];
  for (uint32_t k = b; k <= e; ++k) {  // inserted separators map to empty ranges
    if (end_[k] > begin_[k]) {
      lo = std::min(lo, begin_[k]);
      hi = std::max(hi, end_[k]);
    }
  }
  return {lo, std::max(lo, hi)};
}

OffsetMap OffsetMap::Compose(const OffsetMap& inner) const {
  OffsetMap out;
  out.begin_.reserve(begin_.size());
  out.end_.reserve(end_.size());
  for (size_t k = 0; k < begin_.size(); ++k) {
    const auto [b, e] = inner.ToRaw({begin_[k], end_[k]});
    out.begin_.push_back(b);
    out.end_.push_back(e);
  }
  return out;
}

}  // namespace clusterkg
