// File: clusterkg/load.h
//
// The load stage: turns input bytes into a Document whose `text` holds the
// article body (headline, story, byline) and whose `offsets` map every byte
// of that text back to the input. Handles plain text, HTML pages (parsed
// with gumbo, scripts, styles and page chrome such as navigation, footers
// and "related" lists dropped), YAML front matter followed by text or HTML,
// and JSON records (one article per JSONL line).
//
//   clusterkg::LoadOptions opts;
//   auto doc = clusterkg::LoadFile("news/a.html", opts);
//   if (!doc.ok()) { /* doc.status().message() names the file and byte */ }
//
// The loaded text is not yet normalised: see normalize.h.
#ifndef CLUSTERKG_LOAD_H_
#define CLUSTERKG_LOAD_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/document.h"
#include "clusterkg/status.h"

namespace clusterkg {

// The words by which the loader knows page furniture in saved web pages
// (docs/input.md). They live in the rule pack (words: in
// data/rules/05-page.yaml), so that an analyst can add a site's own; they
// are matched on the input as it is, before normalisation.
struct PageWords {
  std::vector<std::string> chrome;           // a line containing one is dropped
  std::vector<std::string> chrome_start;     // a line starting with one is dropped
  std::vector<std::string> copyright;        // with a copyright_sign in the line,
  std::vector<std::string> copyright_sign;   //   the line is dropped
  std::vector<std::string> breadcrumb_end;   // "a > b > 正文": a breadcrumb
  std::vector<std::string> related_heading;  // a line that is one opens other stories
  std::vector<std::string> end_of_story;     // a short line starting with one ends the story
  std::vector<std::string> chrome_class;     // HTML class/id words of chrome elements
};

// The built-in pack's page words (parsed once; thread-safe).
const PageWords& BuiltinPageWords();

// Options of the load stage.
//   field            default     meaning
//   max_bytes        32 MiB      larger inputs are refused (kInvalidArgument):
//                                no news article is that long; split dumps
//                                into JSONL records, where the limit is per record
//   drop_chrome      true        skip HTML nav/footer/aside and elements whose
//                                class or id names page chrome; in text saved
//                                from pages, drop breadcrumb and copyright
//                                lines and end the story at a related-stories
//                                heading or the editor's line
//   page_words       null        the words that name chrome; null: the
//                                built-in pack's (the Extractor passes its
//                                pack's, which packs may extend)
struct LoadOptions {
  size_t max_bytes = size_t{32} << 20;
  bool drop_chrome = true;
  std::shared_ptr<const PageWords> page_words;
};

// Reads and loads one file. The format is sniffed from the content (front
// matter, HTML tags) and the extension (.html, .htm).
// ensures: on success doc.raw is the file's bytes and doc.url is `path`.
// Errors: kNotFound / kIoError for unreadable paths; kInvalidArgument for
// empty input, NUL bytes or invalid UTF-8 (message gives the byte offset).
Result<Document> LoadFile(const std::string& path, const LoadOptions& options = {});

// Loads bytes already in memory; `source` names them in messages and
// becomes doc.url. `hint` forces a format (kText or kHtml) when not kText.
Result<Document> LoadString(std::string raw, std::string source, const LoadOptions& options = {});

// Loads one JSONL record {"id", "text" | "html", "url", "title", "date"}.
// Offsets then count bytes of the record's "text" or "html" field, so
// doc.raw is that field's value. `source` and `line` (1-based) name the
// record in messages ("in.jsonl:3: ...").
Result<Document> LoadJsonRecord(std::string_view line, const std::string& source, size_t line_no,
                                const LoadOptions& options = {});

}  // namespace clusterkg

#endif  // CLUSTERKG_LOAD_H_
