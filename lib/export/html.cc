// HTML writer: the viewer page of examples/web with everything inlined.
#include "clusterkg/export/html.h"

#include <functional>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "clusterkg/export/jsonld.h"

namespace clusterkg {
namespace internal {
const std::vector<std::pair<std::string, std::string>>& WebAssets();  // web_assets.cc
}  // namespace internal

namespace {

const std::string* Asset(std::string_view path) {
  for (const auto& [name, content] : internal::WebAssets()) {
    if (name == path) return &content;
  }
  return nullptr;
}

// Text that goes inside <script> or <style>: a closing tag in it would end
// the element, so "</" becomes "<\/" (the same string in JSON and in
// JavaScript string literals, and no CSS we ship contains it).
std::string InsideElement(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/') out += '\\';
  }
  return out;
}

std::string AttributeText(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

// Replaces every `<open…src="X"…close>` style reference in the page with
// `make(X)`; false when a referenced file is not embedded.
bool Inline(std::string& page, std::string_view open, std::string_view attr, std::string_view close,
            const std::function<std::string(const std::string&)>& make, std::string* missing) {
  size_t pos = 0;
  while ((pos = page.find(open, pos)) != std::string::npos) {
    const size_t end = page.find(close, pos);
    if (end == std::string::npos) break;
    const std::string_view tag(page.data() + pos, end + close.size() - pos);
    const size_t a = tag.find(attr);
    if (a == std::string_view::npos) {
      pos = end;
      continue;
    }
    const size_t b = a + attr.size();
    const size_t e = tag.find('"', b);
    const std::string path(tag.substr(b, e - b));
    if (!Asset(path)) {
      *missing = path;
      return false;
    }
    const std::string replacement = make(path);
    page.replace(pos, tag.size(), replacement);
    pos += replacement.size();
  }
  return true;
}

}  // namespace

bool HtmlWriter::Available() { return Asset("index.html") && Asset("viewer.js"); }

Status HtmlWriter::Write(const KnowledgeGraph& g, std::ostream& out) const {
  if (!Available()) {
    return UnsupportedError(
        "this clusterkg was built without the web viewer: run scripts/setup.sh (it installs "
        "the viewer's npm packages in examples/web), then configure and build again");
  }
  std::string page = *Asset("index.html");
  std::string missing;
  const bool ok =
      Inline(
          page, "<script src=", "src=\"", "</script>",
          [](const std::string& p) {
            return "<script>\n" + InsideElement(*Asset(p)) + "</script>";
          },
          &missing) &&
      Inline(
          page, "<link rel=\"stylesheet\"", "href=\"", ">",
          [](const std::string& p) { return "<style>\n" + InsideElement(*Asset(p)) + "</style>"; },
          &missing);
  if (!ok) return InternalError("the web viewer's page refers to " + missing + ", not built in");
  std::ostringstream json;
  JsonLdOptions jo;
  jo.indent = -1;
  jo.records = false;
  if (Status s = JsonLdWriter(jo).Write(g, json); !s.ok()) return s;
  std::string data = json.str();
  while (!data.empty() && data.back() == '\n') data.pop_back();
  const std::string marker = "<!-- clusterkg:data -->";
  const size_t at = page.find(marker);
  if (at == std::string::npos) return InternalError("the web viewer's page has no data marker");
  // '<' only occurs inside JSON strings, where \u003c is the same
  // character: nothing in the data can end or confuse the script element
  std::string escaped;
  escaped.reserve(data.size());
  for (char c : data) {
    if (c == '<') {
      escaped += "\\u003c";
    } else {
      escaped += c;
    }
  }
  page.replace(at, marker.size(),
               "<script type=\"application/json\" id=\"ckg-data\" data-title=\"" +
                   AttributeText(options_.title) + "\">" + escaped + "</script>");
  const std::string title_open = "<title>", title_close = "</title>";
  const size_t t = page.find(title_open);
  const size_t te = page.find(title_close, t);
  if (t != std::string::npos && te != std::string::npos) {
    page.replace(t, te + title_close.size() - t,
                 title_open + AttributeText(options_.title) + title_close);
  }
  out << page;
  if (!out) return IoError("cannot write the HTML page");
  return Status();
}

}  // namespace clusterkg
