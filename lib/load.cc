// The load stage: bytes -> Document (body text + offsets to the bytes).
#include "clusterkg/load.h"

#include <yaml-cpp/yaml.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "internal/html_text.h"
#include "internal/json_string.h"
#include "internal/text_builder.h"
#include "internal/utf8.h"

namespace clusterkg {
namespace {

using internal::EndsWith;
using internal::TextBuilder;
constexpr auto Trim = [](std::string_view s) { return internal::TrimAscii(s); };

// An ISO 8601 form of common news dates; the input when none fits.
std::string NormalizeDate(const std::string& in) {
  const std::string s = Trim(in);
  struct Form {
    const char* fmt;
    bool has_time;
  };
  for (const Form f :
       {Form{"%a, %d %b %Y %H:%M:%S", true}, Form{"%d %b %Y %H:%M:%S", true},
        Form{"%Y-%m-%dT%H:%M:%S", true}, Form{"%Y-%m-%d %H:%M:%S", true},
        Form{"%Y-%m-%d %H:%M", true}, Form{"%Y/%m/%d %H:%M:%S", true}, Form{"%Y-%m-%d", false},
        Form{"%Y/%m/%d", false}, Form{"%Y年%m月%d日", false}}) {
    std::tm tm{};
    const char* end = strptime(s.c_str(), f.fmt, &tm);
    if (!end) continue;
    char buf[32];
    if (f.has_time) {
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
      std::string out = buf;
      std::string rest = Trim(end);
      if (rest == "GMT" || rest == "UTC" || rest == "Z") {
        out += "Z";
      } else if ((rest.size() == 6 && rest[3] == ':') || rest.size() == 5) {
        // a numeric zone: +08:00 or +0800
        const std::string digits =
            rest.size() == 6 ? rest.substr(1, 2) + rest.substr(4, 2) : rest.substr(1);
        if ((rest[0] == '+' || rest[0] == '-') &&
            std::all_of(digits.begin(), digits.end(),
                        [](char c) { return c >= '0' && c <= '9'; })) {
          out += rest.substr(0, 3) + ":" + digits.substr(2);
        }
      }
      return out;
    }
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
  }
  return s;
}

// Adds a metadata field's text as its own block when its bytes can be found
// verbatim in raw[from, to).
void AddFieldBlock(Document& doc, TextBuilder& tb, const std::string& value, size_t from, size_t to,
                   Block::Kind kind) {
  if (value.empty()) return;
  const size_t p = std::string_view(doc.raw).substr(0, to).find(value, from);
  if (p == std::string::npos) return;
  const uint32_t b = tb.size();
  tb.AddRaw(value, static_cast<uint32_t>(p));
  doc.blocks.push_back({{b, tb.size()}, kind});
  tb.Break();
}

// How a line of text saved from a web page counts (docs/input.md).
enum class LineRole { kText, kChrome, kEndOfStory, kRelatedList };

bool ContainsAny(std::string_view line, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (line.find(w) != std::string_view::npos) return true;
  }
  return false;
}
bool StartsWithAny(std::string_view line, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (line.substr(0, w.size()) == w) return true;
  }
  return false;
}
bool EndsWithAny(std::string_view line, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (EndsWith(line, w)) return true;
  }
  return false;
}

LineRole ClassifyLine(std::string_view line, const PageWords& words) {
  // licence numbers, site links, copyright lines (not a sentence about 版权所有者)
  if (ContainsAny(line, words.chrome) || StartsWithAny(line, words.chrome_start) ||
      (ContainsAny(line, words.copyright) && ContainsAny(line, words.copyright_sign))) {
    return LineRole::kChrome;
  }
  // breadcrumbs: 网易首页 > 网易安徽 > 正文
  if (line.find(" > ") != std::string_view::npos &&
      (EndsWithAny(line, words.breadcrumb_end) || std::count(line.begin(), line.end(), '>') >= 2)) {
    return LineRole::kChrome;
  }
  // lists of other stories begin under one of these headings
  for (const std::string& h : words.related_heading) {
    if (line == h) return LineRole::kRelatedList;
  }
  // the editor's line closes the story
  if (StartsWithAny(line, words.end_of_story) && line.size() < 120) {
    return LineRole::kEndOfStory;
  }
  return LineRole::kText;
}

// The page words to drop chrome by, or null when chrome is kept.
const PageWords* Chrome(const LoadOptions& options) {
  if (!options.drop_chrome) return nullptr;
  return options.page_words ? options.page_words.get() : &BuiltinPageWords();
}

// `chrome`: the words of page furniture to drop, or null to keep every line.
void LoadPlainText(Document& doc, TextBuilder& tb, size_t from, const PageWords* chrome) {
  // One block per non-empty line; CR LF and lone CR end lines too. Saved
  // pages: chrome lines are dropped, and a related-stories heading or the
  // editor's line after the story ends the article.
  const std::string_view raw(doc.raw);
  size_t i = from;
  size_t story_bytes = 0;
  bool ended = false;
  while (i < raw.size()) {
    // the line's end: its first LF, or a CR before that (find_first_of would
    // call memchr once per byte)
    size_t j = raw.find('\n', i);
    if (j == std::string_view::npos) j = raw.size();
    if (const void* cr = std::memchr(raw.data() + i, '\r', j - i)) {
      j = static_cast<size_t>(static_cast<const char*>(cr) - raw.data());
    }
    std::string_view line = raw.substr(i, j - i);
    size_t lb = 0;
    while (lb < line.size() && (line[lb] == ' ' || line[lb] == '\t')) ++lb;
    size_t le = line.size();
    while (le > lb && (line[le - 1] == ' ' || line[le - 1] == '\t')) --le;
    const std::string_view body = line.substr(lb, le - lb);
    const LineRole role = chrome ? ClassifyLine(body, *chrome) : LineRole::kText;
    const bool keep = !body.empty() && !ended && role != LineRole::kChrome &&
                      !(role == LineRole::kRelatedList && story_bytes > 0);
    if (keep) {
      const uint32_t b = tb.size();
      tb.AddRaw(body, static_cast<uint32_t>(i + lb));
      doc.blocks.push_back({{b, tb.size()}, Block::Kind::kBody});
      tb.Break();
      if (doc.headline.empty()) doc.headline = std::string(body);
      story_bytes += body.size();
    }
    if (story_bytes > 0 && (role == LineRole::kRelatedList || role == LineRole::kEndOfStory)) {
      ended = true;
    }
    i = j + 1;
  }
}

void LoadHtml(Document& doc, TextBuilder& tb, size_t from, const PageWords* chrome) {
  internal::HtmlMeta meta;
  const uint32_t b = tb.size();
  internal::ExtractHtmlText(std::string_view(doc.raw).substr(from), static_cast<uint32_t>(from),
                            chrome, tb, &meta);
  if (tb.size() > b) doc.blocks.push_back({{b, tb.size()}, Block::Kind::kBody});
  if (doc.headline.empty()) doc.headline = meta.title;
  if (doc.author.empty()) doc.author = meta.author;
  if (doc.date.empty() && !meta.date.empty()) doc.date = NormalizeDate(meta.date);
}

// Finds a YAML front matter block: "---" line, YAML, "---" (or "...") line.
// ensures: true with [yaml_begin, yaml_end) and body_begin set.
bool FindFrontMatter(std::string_view raw, size_t* yaml_begin, size_t* yaml_end,
                     size_t* body_begin) {
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n'))
    ++i;
  if (raw.compare(i, 3, "---") != 0) return false;
  size_t eol = raw.find('\n', i);
  if (eol == std::string_view::npos || Trim(raw.substr(i, eol - i)) != "---") return false;
  *yaml_begin = eol + 1;
  size_t pos = eol + 1;
  while (pos < raw.size()) {
    size_t e = raw.find('\n', pos);
    if (e == std::string_view::npos) e = raw.size();
    const std::string line = Trim(raw.substr(pos, e - pos));
    if (line == "---" || line == "...") {
      *yaml_end = pos;
      *body_begin = std::min(e + 1, raw.size());
      return true;
    }
    pos = e + 1;
  }
  return false;
}

Status LoadFrontMatter(Document& doc, TextBuilder& tb, size_t yb, size_t ye, size_t body,
                       const LoadOptions& options) {
  YAML::Node fm;
  try {
    fm = YAML::Load(doc.raw.substr(yb, ye - yb));
  } catch (const YAML::Exception& e) {
    // line numbers count from the file's first line
    const size_t first_line = std::count(doc.raw.begin(), doc.raw.begin() + yb, '\n');
    return ParseError(doc.url + ":" + std::to_string(first_line + e.mark.line + 1) +
                      ": front matter: " + e.msg);
  }
  auto field = [&](const char* key) -> std::string {
    try {
      if (fm.IsMap() && fm[key] && fm[key].IsScalar()) return fm[key].as<std::string>();
    } catch (const YAML::Exception&) {
    }
    return "";
  };
  doc.headline = Trim(field("title"));
  doc.author = Trim(field("author"));
  if (std::string d = field("date"); !d.empty()) doc.date = NormalizeDate(d);
  AddFieldBlock(doc, tb, doc.headline, yb, ye, Block::Kind::kHeadline);
  AddFieldBlock(doc, tb, doc.author, yb, ye, Block::Kind::kByline);
  if (internal::LooksLikeHtml(std::string_view(doc.raw).substr(body))) {
    doc.format = SourceFormat::kFrontMatterHtml;
    LoadHtml(doc, tb, body, Chrome(options));
  } else {
    doc.format = SourceFormat::kFrontMatterText;
    const std::string headline = doc.headline;
    LoadPlainText(doc, tb, body, Chrome(options));
    if (!headline.empty()) doc.headline = headline;
  }
  return OkStatus();
}

Status Validate(const std::string& raw, const std::string& source) {
  if (Trim(raw).empty()) return InvalidArgumentError(source + ": empty article");
  if (const size_t nul = raw.find('\0'); nul != std::string::npos) {
    return InvalidArgumentError(source + ": byte " + std::to_string(nul) +
                                ": NUL byte (binary file?)");
  }
  // (simdjson's check first: where it passes, so does FindInvalidUtf8)
  if (const size_t bad =
          internal::ValidUtf8(raw) ? std::string::npos : internal::FindInvalidUtf8(raw);
      bad != std::string::npos) {
    return InvalidArgumentError(source + ": byte " + std::to_string(bad) + ": invalid UTF-8");
  }
  return OkStatus();
}

Result<Document> LoadValidated(Document doc, bool html_hint, const LoadOptions& options) {
  TextBuilder tb;
  size_t start = 0;
  if (doc.raw.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // byte order mark
  size_t yb = 0, ye = 0, body = 0;
  if (FindFrontMatter(std::string_view(doc.raw).substr(start), &yb, &ye, &body)) {
    if (Status s = LoadFrontMatter(doc, tb, yb + start, ye + start, body + start, options);
        !s.ok()) {
      return s;
    }
  } else if (html_hint || internal::LooksLikeHtml(doc.raw)) {
    doc.format = SourceFormat::kHtml;
    LoadHtml(doc, tb, start, Chrome(options));
  } else {
    doc.format = SourceFormat::kText;
    LoadPlainText(doc, tb, start, Chrome(options));
  }
  doc.text = std::move(tb.text());
  doc.offsets = std::move(tb.map());
  // a malformed page (a reference gumbo read otherwise than we did) must
  // not map past the input
  doc.offsets.ClampTo(static_cast<uint32_t>(doc.raw.size()));
  if (Trim(doc.text).empty()) return InvalidArgumentError(doc.url + ": no article text found");
  return doc;
}

}  // namespace

Result<Document> LoadString(std::string raw, std::string source, const LoadOptions& options) {
  if (raw.size() > options.max_bytes) {
    return InvalidArgumentError(source + ": " + std::to_string(raw.size()) +
                                " bytes is more than the limit of " +
                                std::to_string(options.max_bytes));
  }
  if (Status s = Validate(raw, source); !s.ok()) return s;
  Document doc;
  doc.raw = std::move(raw);
  doc.url = source;
  doc.id = std::move(source);
  const bool html = EndsWith(doc.url, ".html") || EndsWith(doc.url, ".htm");
  return LoadValidated(std::move(doc), html, options);
}

Result<Document> LoadFile(const std::string& path, const LoadOptions& options) {
  // one open, one fstat and the reads: this runs once per article
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return NotFoundError(path + ": no such file");
    return IoError(path + ": cannot open for reading");
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return IoError(path + ": cannot open for reading");
  if (S_ISDIR(st.st_mode)) return InvalidArgumentError(path + ": is a directory");
  const bool regular = S_ISREG(st.st_mode);
  const auto size = static_cast<uint64_t>(st.st_size);
  if (regular && size > options.max_bytes) {
    return InvalidArgumentError(path + ": " + std::to_string(size) +
                                " bytes is more than the limit of " +
                                std::to_string(options.max_bytes));
  }
  std::string raw;
  // a regular file's size is known; a pipe's is read until its end
  raw.resize(regular ? size + 1 : 1 << 16);
  size_t got = 0;
  for (;;) {
    if (got == raw.size()) raw.resize(raw.size() * 2);
    const ssize_t n = ::read(fd, raw.data() + got, raw.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError(path + ": read failed");
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  raw.resize(got);
  return LoadString(std::move(raw), path, options);
}

Result<Document> LoadJsonRecord(std::string_view line, const std::string& source, size_t line_no,
                                const LoadOptions& options) {
  const std::string where = source + ":" + std::to_string(line_no);
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return ParseError(where + ": not a JSON object");
  if (!j.is_object()) return ParseError(where + ": not a JSON object");
  auto str = [&](const char* key) -> std::string {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return "";
  };
  const bool html = j.contains("html") && j["html"].is_string();
  if (!html && !(j.contains("text") && j["text"].is_string())) {
    return ParseError(where + ": record has no \"text\" or \"html\" string");
  }
  Document doc;
  doc.raw = html ? j["html"].get<std::string>() : j["text"].get<std::string>();
  if (doc.raw.size() > options.max_bytes) return InvalidArgumentError(where + ": record too large");
  if (Status s = Validate(doc.raw, where); !s.ok()) return s;
  doc.url = str("url");
  if (doc.url.empty()) doc.url = where;
  doc.id = str("id");
  if (doc.id.empty()) doc.id = doc.url;
  Result<Document> r = LoadValidated(std::move(doc), html, options);
  if (!r.ok()) return r;
  if (std::string t = Trim(str("title")); !t.empty()) r->headline = t;
  if (std::string d = str("date"); !d.empty()) r->date = NormalizeDate(d);
  r->format = SourceFormat::kJsonRecord;
  return r;
}

}  // namespace clusterkg
