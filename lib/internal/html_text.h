// Internal: body text of an HTML document or fragment, via gumbo.
#ifndef CLUSTERKG_LIB_INTERNAL_HTML_TEXT_H_
#define CLUSTERKG_LIB_INTERNAL_HTML_TEXT_H_

#include <string>
#include <string_view>

#include "clusterkg/load.h"
#include "internal/text_builder.h"

namespace clusterkg::internal {

struct HtmlMeta {
  std::string title;   // <title>, site name after a separator removed
  std::string author;  // <meta name="author">
  std::string date;    // <meta property="article:published_time"> and kin
};

// Appends the visible body text of `html` to `out`, block elements ending
// blocks, whitespace collapsed, character references decoded. Offsets are
// `raw_offset` plus the byte position in `html`. With `chrome` (not null),
// nav, footer, aside, forms and elements whose class or id names page chrome
// (chrome->chrome_class) give no text.
void ExtractHtmlText(std::string_view html, uint32_t raw_offset, const PageWords* chrome,
                     TextBuilder& out, HtmlMeta* meta);

// True when `s` looks like HTML rather than text (a tag at the start of a
// line, or a document type).
bool LooksLikeHtml(std::string_view s);

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_HTML_TEXT_H_
