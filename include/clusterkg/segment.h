// File: clusterkg/segment.h
//
// The segment stage: splits a normalised text into sentences at Chinese and
// Western sentence-final punctuation (。！？!?；;), at block ends ('\n'), and
// keeps closing quotes and brackets with the sentence they close.
//
//   for (const clusterkg::Sentence& s : clusterkg::Segment(doc.text)) {
//     std::string_view words = std::string_view(doc.text).substr(s.span.begin, s.span.size());
//   }
#ifndef CLUSTERKG_SEGMENT_H_
#define CLUSTERKG_SEGMENT_H_

#include <string_view>
#include <vector>

#include "clusterkg/document.h"

namespace clusterkg {

// Options of the segment stage.
//   field          default   meaning
//   max_bytes      4096      a longer sentence is cut at its last comma
//                            (or hard) so that no rule scans unbounded text
//   split_semicolon true     ；and ; end sentences
struct SegmentOptions {
  uint32_t max_bytes = 4096;
  bool split_semicolon = true;
};

// One sentence: a span of the text, leading and trailing spaces excluded.
struct Sentence {
  Span span;
};

// ensures: sentences are in order, do not overlap and are never empty.
std::vector<Sentence> Segment(std::string_view text, const SegmentOptions& options = {});

}  // namespace clusterkg

#endif  // CLUSTERKG_SEGMENT_H_
