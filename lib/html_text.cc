// Body text of HTML pages through the gumbo HTML5 parser, with every text
// byte mapped back to the page's bytes (character references map to the
// whole reference).
#include "internal/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <unordered_map>

#include "internal/utf8.h"

namespace clusterkg::internal {
namespace {

std::string Trim(std::string_view s) { return TrimAscii(s); }

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_ADDRESS: return true;
    default: return false;
  }
}

bool IsSilentTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON: return true;
    default: return false;
  }
}

bool IsChromeTag(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE ||
         tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_MENU;
}

bool NamesChrome(const char* value, const std::vector<std::string>& words) {
  std::string v(value);
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
  // split into tokens on anything that is not a letter or digit
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && !std::isalnum(static_cast<unsigned char>(v[i]))) ++i;
    size_t j = i;
    while (j < v.size() && std::isalnum(static_cast<unsigned char>(v[j]))) ++j;
    if (j > i) {
      std::string tok = v.substr(i, j - i);
      for (const std::string& w : words) {
        if (tok == w) return true;
        // compound words: "relatednews", "commentbox", "navbar"
        if (w.size() >= 5 && tok.compare(0, w.size(), w) == 0) return true;
      }
      if (tok.rfind("nav", 0) == 0) return true;
    }
    i = j;
  }
  return false;
}

bool IsHidden(const GumboElement& el) {
  if (gumbo_get_attribute(&el.attributes, "hidden")) return true;
  if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "aria-hidden");
      a && std::strcmp(a->value, "true") == 0) {
    return true;
  }
  if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "style")) {
    std::string s(a->value);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool IsChrome(const GumboElement& el, const PageWords& words) {
  if (IsChromeTag(el.tag)) return true;
  for (const char* name : {"class", "id", "role"}) {
    if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
        a && NamesChrome(a->value, words.chrome_class)) {
      return true;
    }
  }
  return false;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends a text node's decoded text, aligning it with its original bytes.
void AppendText(const GumboText& t, const char* base, uint32_t raw_offset, TextBuilder& out) {
  const std::string_view dec(t.text);
  const std::string_view org(t.original_text.data, t.original_text.length);
  uint32_t rpos = static_cast<uint32_t>(t.original_text.data - base);
  size_t oi = 0, di = 0;
  while (di < dec.size()) {
    size_t dlen = 0;
    // gumbo writes bytes that are no character for some out-of-range
    // numeric references: they become U+FFFD, so the text stays UTF-8
    const std::string_view dch =
        DecodeUtf8(dec, di, &dlen) < 0 ? std::string_view("\xEF\xBF\xBD") : dec.substr(di, dlen);
    if (IsAsciiSpace(dch[0])) {
      // collapse a run of whitespace into one space mapped to its first byte
      const uint32_t at = raw_offset + rpos + static_cast<uint32_t>(std::min(oi, org.size()));
      while (di < dec.size() && IsAsciiSpace(dec[di])) ++di;
      while (oi < org.size() && IsAsciiSpace(org[oi])) ++oi;
      if (!out.AtBlockStart() && !out.EndsWithSpace()) out.AddMapped(" ", at, at + 1);
      continue;
    }
    bool reference = oi + 1 < org.size() && org[oi] == '&' &&
                     (std::isalnum(static_cast<unsigned char>(org[oi + 1])) || org[oi + 1] == '#');
    if (reference && dch == "&") {
      // "&" comes from a reference only when the reference is one for "&";
      // else it is a literal ampersand gumbo kept ("R&D", "2&0")
      reference = false;
      for (std::string_view amp : {"&amp", "&#38", "&#038", "&#x26", "&#0038"}) {
        if (org.size() - oi >= amp.size() &&
            std::equal(amp.begin(), amp.end(), org.begin() + oi, [](char a, char b) {
              return a == std::tolower(static_cast<unsigned char>(b));
            })) {
          reference = true;
        }
      }
    }
    if (!reference && oi < org.size() && org.compare(oi, dlen, dch) == 0) {
      out.AddRaw(dch, raw_offset + rpos + static_cast<uint32_t>(oi));
      oi += dlen;
      di += dlen;
      continue;
    }
    // A character reference (or a replaced byte): map to the whole reference.
    size_t ref_end = oi + 1;
    if (oi < org.size() && org[oi] == '&') {
      // &#x hex digits, &# decimal digits, else a name
      const bool numeric = ref_end < org.size() && org[ref_end] == '#';
      const bool hex = numeric && ref_end + 1 < org.size() && (org[ref_end + 1] | 0x20) == 'x';
      if (numeric) ref_end += hex ? 2 : 1;
      while (ref_end < org.size() &&
             (hex       ? std::isxdigit(static_cast<unsigned char>(org[ref_end]))
              : numeric ? std::isdigit(static_cast<unsigned char>(org[ref_end]))
                        : (ref_end - oi < 40 &&
                           std::isalnum(static_cast<unsigned char>(org[ref_end]))))) {
        ++ref_end;
      }
      if (ref_end < org.size() && org[ref_end] == ';') ++ref_end;
    } else if (oi < org.size()) {
      size_t olen = 1;
      DecodeUtf8(org, oi, &olen);
      ref_end = oi + olen;
    }
    ref_end = std::min(ref_end, org.size());
    const uint32_t b = raw_offset + rpos + static_cast<uint32_t>(std::min(oi, org.size()));
    const uint32_t e = raw_offset + rpos + static_cast<uint32_t>(ref_end);
    out.AddMapped(dch, b, e);
    di += dlen;
    oi = ref_end;
    // a reference decoding to several code points (rare): the rest share it
    while (di < dec.size() && oi >= org.size() && !IsAsciiSpace(dec[di])) {
      size_t l = 0;
      const bool valid = DecodeUtf8(dec, di, &l) >= 0;
      out.AddMapped(valid ? dec.substr(di, l) : std::string_view("\xEF\xBF\xBD"), b, e);
      di += l;
    }
  }
}

std::string NodeText(const GumboNode* node) {
  std::string s;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    s = node->v.text.text;
  } else if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& ch = node->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) s += NodeText(static_cast<GumboNode*>(ch.data[i]));
  }
  return s;
}

void CollectMeta(const GumboNode* node, HtmlMeta* meta) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = node->v.element;
  if (el.tag == GUMBO_TAG_TITLE && meta->title.empty()) {
    std::string t = Trim(NodeText(node));
    // "Headline_Site" / "Headline - Site" / "Headline | Site": keep the headline
    for (const char* sep : {"_", " - ", " | ", "|", "—"}) {
      const size_t p = t.find(sep);
      if (p != std::string::npos && p > 0) {
        t = Trim(t.substr(0, p));
        break;
      }
    }
    meta->title = t;
  } else if (el.tag == GUMBO_TAG_META) {
    const GumboAttribute* name = gumbo_get_attribute(&el.attributes, "name");
    if (!name) name = gumbo_get_attribute(&el.attributes, "property");
    const GumboAttribute* content = gumbo_get_attribute(&el.attributes, "content");
    if (name && content) {
      std::string n(name->value);
      std::transform(n.begin(), n.end(), n.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      if (n == "author" && meta->author.empty()) meta->author = Trim(content->value);
      if ((n == "article:published_time" || n == "publishdate" || n == "pubdate" || n == "date" ||
           n == "og:release_date") &&
          meta->date.empty()) {
        meta->date = Trim(content->value);
      }
      if (n == "og:title" && meta->title.empty()) meta->title = Trim(content->value);
    }
  }
  const GumboVector& ch = el.children;
  for (unsigned i = 0; i < ch.length; ++i) CollectMeta(static_cast<GumboNode*>(ch.data[i]), meta);
}

// Characters of visible text in a subtree, and how many of them are link
// text: the link density that marks menus, lists of other stories and
// footers.
struct Density {
  size_t text = 0;
  size_t link = 0;
};

size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 && !IsAsciiSpace(static_cast<char>(c));
  return n;
}

Density Measure(const GumboNode* node, bool in_link,
                std::unordered_map<const GumboNode*, Density>& memo) {
  Density d;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    d.text = VisibleChars(node->v.text.text);
    if (in_link) d.link = d.text;
    return d;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return d;
  const GumboElement& el = node->v.element;
  if (IsSilentTag(el.tag)) return d;
  const bool link = in_link || el.tag == GUMBO_TAG_A;
  for (unsigned i = 0; i < el.children.length; ++i) {
    const Density c = Measure(static_cast<const GumboNode*>(el.children.data[i]), link, memo);
    d.text += c.text;
    d.link += c.link;
  }
  memo[node] = d;
  return d;
}

bool IsContainer(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_P:
    case GUMBO_TAG_HEADER: return true;
    default: return false;
  }
}

struct WalkState {
  const char* base;
  uint32_t raw_offset;
  const PageWords* chrome;  // null: keep chrome
  TextBuilder& out;
  std::unordered_map<const GumboNode*, Density> density;
};

// A block that is mostly link text and not long is navigation or a list of
// other stories (docs/input.md).
bool LinkHeavy(const WalkState& st, const GumboNode* node) {
  auto it = st.density.find(node);
  if (it == st.density.end()) return false;
  const Density& d = it->second;
  return d.text > 0 && d.link * 2 > d.text && d.text < 2000;
}

void Walk(const GumboNode* node, WalkState& st) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA: AppendText(node->v.text, st.base, st.raw_offset, st.out); return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      const GumboElement& el = node->v.element;
      if (IsSilentTag(el.tag) || IsHidden(el)) return;
      if (st.chrome && (IsChrome(el, *st.chrome) || (IsContainer(el.tag) && LinkHeavy(st, node)))) {
        st.out.Break();
        return;
      }
      const bool block = IsBlockTag(el.tag);
      if (block) st.out.Break();
      const GumboVector& ch = el.children;
      for (unsigned i = 0; i < ch.length; ++i) Walk(static_cast<GumboNode*>(ch.data[i]), st);
      if (block) st.out.Break();
      return;
    }
    case GUMBO_NODE_DOCUMENT: {
      const GumboVector& ch = node->v.document.children;
      for (unsigned i = 0; i < ch.length; ++i) Walk(static_cast<GumboNode*>(ch.data[i]), st);
      return;
    }
    default: return;  // comments give no text
  }
}

}  // namespace

void ExtractHtmlText(std::string_view html, uint32_t raw_offset, const PageWords* chrome,
                     TextBuilder& out, HtmlMeta* meta) {
  GumboOutput* g = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (meta) CollectMeta(g->root, meta);
  WalkState st{html.data(), raw_offset, chrome, out, {}};
  if (chrome) Measure(g->root, false, st.density);
  Walk(g->document, st);
  out.Break();
  gumbo_destroy_output(&kGumboDefaultOptions, g);
}

bool LooksLikeHtml(std::string_view s) {
  const std::string_view head = s.substr(0, 4096);
  for (const char* tag : {"<!DOCTYPE", "<!doctype", "<html", "<HTML", "<p>", "<p ", "<div", "<br",
                          "<body", "<span", "<table", "<h1", "<h2", "<article"}) {
    if (head.find(tag) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace clusterkg::internal
