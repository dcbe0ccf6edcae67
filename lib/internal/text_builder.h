// Internal: builds a derived text together with its OffsetMap to the raw
// input. Shared by the loaders (load.cc, html_text.cc). Never installed.
#ifndef CLUSTERKG_LIB_INTERNAL_TEXT_BUILDER_H_
#define CLUSTERKG_LIB_INTERNAL_TEXT_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/document.h"

namespace clusterkg::internal {

class TextBuilder {
 public:
  // Appends raw bytes that are copied unchanged, starting at raw offset `at`.
  void AddRaw(std::string_view bytes, uint32_t at) {
    text_.append(bytes);
    map_.AppendCopy(static_cast<uint32_t>(bytes.size()), at);
    last_raw_ = at + static_cast<uint32_t>(bytes.size());
  }
  // Appends `piece`, all of which comes from raw [begin, end).
  void AddMapped(std::string_view piece, uint32_t begin, uint32_t end) {
    text_.append(piece);
    map_.Append(static_cast<uint32_t>(piece.size()), begin, end);
    last_raw_ = end;
  }
  // Ends the current block: appends '\n' unless the text is empty or already
  // ends with one. The newline maps to an empty raw range.
  void Break() {
    while (!text_.empty() && text_.back() == ' ') {
      // trailing collapsed space of a block carries no meaning
      text_.pop_back();
      map_.PopBack();
    }
    if (text_.empty() || text_.back() == '\n') return;
    text_ += '\n';
    map_.Append(1, last_raw_, last_raw_);
  }
  bool AtBlockStart() const { return text_.empty() || text_.back() == '\n'; }
  bool EndsWithSpace() const { return !text_.empty() && text_.back() == ' '; }
  uint32_t size() const { return static_cast<uint32_t>(text_.size()); }
  std::string& text() { return text_; }
  OffsetMap& map() { return map_; }

 private:
  std::string text_;
  OffsetMap map_;
  uint32_t last_raw_ = 0;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_TEXT_BUILDER_H_
