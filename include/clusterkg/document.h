// File: clusterkg/document.h
//
// An article as the pipeline sees it: the original bytes, the text that
// extraction reads (body text pulled out of HTML, normalised by ICU), and an
// OffsetMap that takes every position of that text back to a byte offset in
// the original input.
//
//   const clusterkg::Document& doc = ...;
//   clusterkg::Span s{10, 16};                       // into doc.text
//   auto [b, e] = doc.offsets.ToRaw(s);               // into doc.raw
//   assert(doc.raw.substr(b, e - b) == original text of the mention);
#ifndef CLUSTERKG_DOCUMENT_H_
#define CLUSTERKG_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace clusterkg {

// A half-open byte range [begin, end) into some text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// WHAT THIS REPRESENTS: for a derived text, the raw byte range that produced
// each of its bytes, stored as runs: a copied run maps its bytes one to one
// onto raw bytes; a rewritten run maps all its bytes to one raw range (an
// entity reference, a full-width letter, an inserted block separator with an
// empty range). A span of the derived text maps to the smallest raw range
// that covers it. Memory grows with the number of runs, not with the text.
// THREAD SAFETY: const methods are safe to call concurrently.
class OffsetMap {
 public:
  // The next `len` derived bytes are raw [raw_begin, raw_begin + len).
  void AppendCopy(uint32_t len, uint32_t raw_begin);
  // The next `len` derived bytes all come from raw [raw_begin, raw_end).
  void Append(uint32_t len, uint32_t raw_begin, uint32_t raw_end);
  // Forgets the last derived byte. requires: size() > 0.
  void PopBack();
  // Derived bytes mapped so far.
  uint32_t size() const { return size_; }
  // Runs stored (for memory accounting).
  size_t runs() const { return runs_.size(); }
  // One run: `len` derived bytes from `begin`; a copy maps them one to one
  // onto raw bytes from `raw_begin`, else all onto [raw_begin, raw_end).
  struct Run {
    uint32_t begin;
    uint32_t len;
    uint32_t raw_begin;
    uint32_t raw_end;
    bool copy;
  };
  // The runs in order (to store the map; replay them with AppendCopy/Append).
  const std::vector<Run>& run_list() const { return runs_; }
  // requires: span within [0, size()]. ensures: raw range covering the span.
  std::pair<uint32_t, uint32_t> ToRaw(const Span& span) const;
  // Composes: this map is derived->mid, `inner` is mid->raw.
  OffsetMap Compose(const OffsetMap& inner) const;
  // Keeps every raw range inside [0, raw_size] (a copied run that would
  // leave it maps onto what is left). ensures: ToRaw never leaves the input.
  void ClampTo(uint32_t raw_size);

 private:
  // The run holding derived byte k. requires: k < size().
  size_t RunOf(uint32_t k) const;
  std::vector<Run> runs_;
  uint32_t size_ = 0;
};

// The kind of input an article came from.
enum class SourceFormat { kText, kHtml, kFrontMatterText, kFrontMatterHtml, kJsonRecord };

// One block of text the loader found (a paragraph, a heading, a field).
struct Block {
  Span span;  // into Document::text
  enum class Kind { kHeadline, kByline, kBody } kind = Kind::kBody;
};

// WHAT THIS REPRESENTS: one article after loading and normalisation.
// THREAD SAFETY: a value type; not shared by the library after Extract.
struct Document {
  std::string id;        // JSONL "id", else the path
  std::string url;       // the path or URL as given
  std::string headline;  // from front matter, <title>, JSON "title" or first line
  std::string date;      // as found; ISO 8601 when it could be parsed
  std::string author;
  SourceFormat format = SourceFormat::kText;
  std::string raw;    // the original input bytes (the JSONL field for records)
  std::string text;   // normalised text extraction reads; blocks end in '\n'
  OffsetMap offsets;  // text -> raw
  std::vector<Block> blocks;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_DOCUMENT_H_
