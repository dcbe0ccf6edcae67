// OffsetMap: derived text positions -> raw byte ranges, stored as runs.
#include "clusterkg/document.h"

#include <algorithm>

namespace clusterkg {

void OffsetMap::AppendCopy(uint32_t len, uint32_t raw_begin) {
  if (len == 0) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.copy && last.raw_begin + last.len == raw_begin) {
      last.len += len;
      last.raw_end += len;
      size_ += len;
      return;
    }
  }
  runs_.push_back({size_, len, raw_begin, raw_begin + len, true});
  size_ += len;
}

void OffsetMap::Append(uint32_t len, uint32_t raw_begin, uint32_t raw_end) {
  if (len == 0) return;
  if (raw_end == raw_begin + 1 && len == 1) {  // one byte for one byte
    AppendCopy(1, raw_begin);
    return;
  }
  runs_.push_back({size_, len, raw_begin, raw_end, false});
  size_ += len;
}

void OffsetMap::PopBack() {
  if (runs_.empty()) return;
  Run& last = runs_.back();
  --last.len;
  if (last.copy) --last.raw_end;
  --size_;
  if (last.len == 0) runs_.pop_back();
}

size_t OffsetMap::RunOf(uint32_t k) const {
  auto it = std::upper_bound(runs_.begin(), runs_.end(), k,
                             [](uint32_t x, const Run& r) { return x < r.begin; });
  return static_cast<size_t>(it - runs_.begin()) - 1;
}

std::pair<uint32_t, uint32_t> OffsetMap::ToRaw(const Span& span) const {
  if (runs_.empty()) return {0, 0};
  const uint32_t b = std::min<uint32_t>(span.begin, size_ - 1);
  size_t r = RunOf(b);
  auto start_of = [&](const Run& run, uint32_t k) {
    return run.copy ? run.raw_begin + (k - run.begin) : run.raw_begin;
  };
  if (span.empty()) {
    const uint32_t x = start_of(runs_[r], b);
    return {x, x};
  }
  const uint32_t e = std::min<uint32_t>(span.end, size_);
  uint32_t lo = UINT32_MAX, hi = 0;
  for (; r < runs_.size() && runs_[r].begin < e; ++r) {
    const Run& run = runs_[r];
    const uint32_t from = std::max(run.begin, b);
    const uint32_t to = std::min(run.begin + run.len, e);
    const uint32_t rb = start_of(run, from);
    const uint32_t re = run.copy ? run.raw_begin + (to - run.begin) : run.raw_end;
    if (re <= rb) continue;  // an inserted separator maps to nothing
    lo = std::min(lo, rb);
    hi = std::max(hi, re);
  }
  if (lo == UINT32_MAX) {
    const uint32_t x = start_of(runs_[RunOf(b)], b);
    return {x, x};
  }
  return {lo, hi};
}

void OffsetMap::ClampTo(uint32_t raw_size) {
  for (Run& r : runs_) {
    if (r.copy && r.raw_begin + r.len > raw_size) r.copy = false;
    r.raw_begin = std::min(r.raw_begin, raw_size);
    r.raw_end = r.copy ? r.raw_begin + r.len : std::min(std::max(r.raw_end, r.raw_begin), raw_size);
  }
}

OffsetMap OffsetMap::Compose(const OffsetMap& inner) const {
  OffsetMap out;
  out.runs_.reserve(runs_.size());
  for (const Run& run : runs_) {
    if (!run.copy || inner.runs_.empty()) {
      const auto [x, y] = inner.ToRaw({run.raw_begin, run.raw_end});
      out.Append(run.len, x, y);
      continue;
    }
    // a copied run: follow the inner runs under it piece by piece
    uint32_t m = run.raw_begin;
    const uint32_t m_end = run.raw_begin + run.len;
    size_t i = inner.RunOf(std::min(m, inner.size_ - 1));
    while (m < m_end) {
      if (i >= inner.runs_.size() || m >= inner.size_) {
        const auto [x, y] = inner.ToRaw({m, m});
        out.Append(m_end - m, x, y);
        break;
      }
      const Run& in = inner.runs_[i];
      const uint32_t piece_end = std::min(m_end, in.begin + in.len);
      const uint32_t len = piece_end - m;
      if (in.copy) {
        out.AppendCopy(len, in.raw_begin + (m - in.begin));
      } else {
        out.Append(len, in.raw_begin, in.raw_end);
      }
      m = piece_end;
      ++i;
    }
  }
  return out;
}

}  // namespace clusterkg
