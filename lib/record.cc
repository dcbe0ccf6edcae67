// Records of articles: encode, decode with checks, read from JSON-LD/NDJSON.
#include "clusterkg/record.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <type_traits>

#include "internal/json_string.h"

namespace clusterkg {
namespace {

using nlohmann::json;

constexpr int kVersion = 1;

constexpr std::pair<SourceFormat, const char*> kFormats[] = {
    {SourceFormat::kText, "text"},
    {SourceFormat::kHtml, "html"},
    {SourceFormat::kFrontMatterText, "front-matter-text"},
    {SourceFormat::kFrontMatterHtml, "front-matter-html"},
    {SourceFormat::kJsonRecord, "json-record"},
};

// A malformed record: caught in DecodeRecord and turned into a Status.
struct Bad {
  std::string what;
};

// An unsigned value as int64_t: above INT64_MAX clamped to it, and then
// refused by the range every integer of a record is checked against.
int64_t Clamped(uint64_t v) {
  return static_cast<int64_t>(std::min<uint64_t>(v, std::numeric_limits<int64_t>::max()));
}

// A record's JSON, read through one of two parsers: nlohmann (a record
// given as a value) or simdjson (a record given as text, as the spool and
// DecodeRecordText take it; several times faster). The checks below are
// written once, against this interface.
class NlohmannNode {
 public:
  explicit NlohmannNode(const json& j) : j_(&j) {}
  bool IsObject() const { return j_->is_object(); }
  bool Find(const char* key, NlohmannNode* out) const {
    auto it = j_->find(key);
    if (it == j_->end()) return false;
    *out = NlohmannNode(*it);
    return true;
  }
  bool IsString() const { return j_->is_string(); }
  std::string_view String() const { return j_->get_ref<const std::string&>(); }
  bool IsInt() const { return j_->is_number_integer(); }
  int64_t Int() const {
    return j_->is_number_unsigned() ? Clamped(j_->get<uint64_t>()) : j_->get<int64_t>();
  }
  bool IsArray() const { return j_->is_array(); }
  std::vector<NlohmannNode> Items() const {
    std::vector<NlohmannNode> out;
    out.reserve(j_->size());
    for (const json& x : *j_) out.emplace_back(x);
    return out;
  }
  std::string Text() const { return j_->dump(); }

 private:
  const json* j_;
};

class SimdNode {
 public:
  explicit SimdNode(simdjson::dom::element e) : e_(e) {}
  bool IsObject() const { return e_.is_object(); }
  bool Find(const char* key, SimdNode* out) const {
    simdjson::dom::element x;
    if (e_.get_object().at_key(key).get(x) != simdjson::SUCCESS) return false;
    *out = SimdNode(x);
    return true;
  }
  bool IsString() const { return e_.is_string(); }
  std::string_view String() const { return e_.get_string().value_unsafe(); }
  bool IsInt() const { return e_.is_int64() || e_.is_uint64(); }
  int64_t Int() const {
    return e_.is_int64() ? e_.get_int64().value_unsafe() : Clamped(e_.get_uint64().value_unsafe());
  }
  bool IsArray() const { return e_.is_array(); }
  std::vector<SimdNode> Items() const {
    std::vector<SimdNode> out;
    simdjson::dom::array items;
    if (e_.get_array().get(items) != simdjson::SUCCESS) return out;  // (checked IsArray)
    out.reserve(items.size());
    for (simdjson::dom::element x : items) out.emplace_back(x);
    return out;
  }
  std::string Text() const { return simdjson::minify(e_); }

 private:
  simdjson::dom::element e_;
};

template <typename Node>
Node Field(const Node& j, const char* key) {
  if (!j.IsObject()) throw Bad{"not an object"};
  Node out = j;
  if (!j.Find(key, &out)) throw Bad{std::string("no \"") + key + "\""};
  return out;
}

std::string At(const char* list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

// What a value is, for messages ("mentions[3] name"), made into text only
// when a check fails: a record holds many values.
struct What {
  What(const char* name) : list(name) {}  // NOLINT: a plain name
  What(const char* l, size_t i, const char* f = "") : list(l), index(i), field(f), indexed(true) {}
  std::string str() const {
    if (!indexed) return list;
    return At(list, index) + (*field ? " " : "") + field;
  }
  const char* list;
  size_t index = 0;
  const char* field = "";
  bool indexed = false;
};

template <typename Node>
std::string Str(const Node& j, const What& what) {
  if (!j.IsString()) throw Bad{what.str() + " is not a string"};
  return std::string(j.String());
}

// An integer in [lo, hi].
template <typename Node>
int64_t Int(const Node& j, int64_t lo, int64_t hi, const What& what) {
  if (!j.IsInt()) throw Bad{what.str() + " is not an integer"};
  const int64_t v = j.Int();
  if (v < lo || v > hi) {
    throw Bad{what.str() + " " + std::to_string(v) + " is outside [" + std::to_string(lo) + ", " +
              std::to_string(hi) + "]"};
  }
  return v;
}

// The items of an array of exactly n values.
template <typename Node>
std::vector<Node> Tuple(const Node& j, size_t n, const What& what) {
  std::vector<Node> items;
  if (j.IsArray()) items = j.Items();
  if (!j.IsArray() || items.size() != n) {
    throw Bad{what.str() + " is not an array of " + std::to_string(n)};
  }
  return items;
}

// The items of an array of `tuple`-sized groups.
template <typename Node>
std::vector<Node> Array(const Node& j, const What& what, size_t tuple = 1) {
  if (!j.IsArray()) throw Bad{what.str() + " is not an array"};
  std::vector<Node> items = j.Items();
  if (items.size() % tuple != 0) {
    throw Bad{what.str() + " does not hold groups of " + std::to_string(tuple)};
  }
  return items;
}

}  // namespace

json EncodeRecord(const Article& article, const RulePack& pack) {
  return json::parse(EncodeRecordText(article, pack));
}

namespace {

using internal::AppendJsonString;
using internal::TextBuf;
void AppendString(TextBuf& out, std::string_view s) { AppendJsonString(out, s); }

void Append(TextBuf& out, int64_t v) {
  char digits[24];
  out.append(digits,
             static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, v).ptr - digits));
}
void Append(TextBuf& out, std::string_view v) { AppendString(out, v); }
void Append(TextBuf& out, const std::string& v) { AppendString(out, v); }
void Append(TextBuf& out, const char* v) { AppendString(out, v); }
void Append(TextBuf& out, const std::vector<std::string>& v) {
  out += '[';
  for (size_t k = 0; k < v.size(); ++k) {
    if (k) out += ',';
    AppendString(out, v[k]);
  }
  out += ']';
}
template <typename T>
requires std::is_integral_v<T> || std::is_enum_v<T>
void Append(TextBuf& out, T v) { Append(out, static_cast<int64_t>(v)); }

// x1,x2,...: the members of one group of a flat array, or of a tuple
template <typename... T>
void Values(TextBuf& out, const T&... xs) {
  bool first = true;
  ((out += first ? "" : ",", first = false, Append(out, xs)), ...);
}

// "key": the members of the record are written in nlohmann's (sorted)
// order; a comma unless the key opens the object
void Key(TextBuf& out, const char* k) {
  if (out.back() != '{') out += ',';
  out += '"';
  out += k;
  out += "\":";
}

// "key":[f(item0),f(item1),...], with each f writing its values
template <typename Items, typename F>
void List(TextBuf& out, const char* key, const Items& items, F f) {
  Key(out, key);
  out += '[';
  bool first = true;
  for (const auto& x : items) {
    if (!first) out += ',';
    first = false;
    f(x);
  }
  out += ']';
}

}  // namespace

std::string EncodeRecordText(const Article& article, const RulePack& pack) {
  const Document& d = article.doc;
  const MatchResult& m = article.FirstMatch();
  const char* format = "text";
  for (const auto& [f, name] : kFormats) {
    if (f == d.format) format = name;
  }
  // written into a buffer of the thread's (cheaper to append to), then
  // copied out
  thread_local TextBuf o;
  o.clear();
  o += '{';
  List(o, "aliases", m.aliases, [&](const AliasLink& l) {
    o += '[';
    Values(o, l.mention, l.alias, l.rule);
    o += ']';
  });
  Key(o, "author");
  Append(o, d.author);
  List(o, "blocks", d.blocks,
       [&](const Block& b) { Values(o, b.span.begin, b.span.end, static_cast<int>(b.kind)); });
  Key(o, "date");
  Append(o, d.date);
  Key(o, "format");
  Append(o, format);
  Key(o, "headline");
  Append(o, d.headline);
  Key(o, "id");
  Append(o, d.id);
  List(o, "mentions", m.mentions, [&](const Mention& x) {
    o += '[';
    Values(o, x.span.begin, x.span.end, EntityTypeName(x.type), x.name, x.rule, x.priority,
           x.gazetteer, x.prefix_place, x.sentence, x.subtype, x.aliases);
    o += ']';
  });
  List(o, "offsets", d.offsets.run_list(),
       [&](const OffsetMap::Run& r) { Values(o, r.len, r.raw_begin, r.raw_end, r.copy ? 1 : 0); });
  Key(o, "pack");
  Append(o, pack.fingerprint());
  Key(o, "raw");
  Append(o, d.raw);
  List(o, "relations", m.relations, [&](const RelationMatch& r) {
    o += '[';
    Values(o, RelationTypeName(r.type), r.from, r.to, r.rule, r.sentence);
    o += ']';
  });
  List(o, "sentences", m.sentences,
       [&](const Sentence& x) { Values(o, x.span.begin, x.span.end); });
  Key(o, "text");
  Append(o, d.text);
  Key(o, "url");
  Append(o, d.url);
  Key(o, "version");
  Append(o, kVersion);
  o += '}';
  return std::string(o.view());
}

namespace {

// The article a record describes (DecodeRecord); throws Bad.
template <typename Node>
Article Decode(const Node& record, const RulePack& pack) {
  if (Int(Field(record, "version"), 0, std::numeric_limits<int>::max(), "version") != kVersion) {
    throw Bad{"version " + Field(record, "version").Text() + " is not " + std::to_string(kVersion) +
              " (written by another clusterkg)"};
  }
  const std::string fp = Str(Field(record, "pack"), "pack");
  if (fp != pack.fingerprint()) {
    throw Bad{"matched with rule pack " + fp + ", but these rules are " + pack.fingerprint() +
              " (merge with the same --rules and --no-builtin-rules as the extraction)"};
  }
  Article a;
  Document& d = a.doc;
  d.id = Str(Field(record, "id"), "id");
  d.url = Str(Field(record, "url"), "url");
  d.headline = Str(Field(record, "headline"), "headline");
  d.date = Str(Field(record, "date"), "date");
  d.author = Str(Field(record, "author"), "author");
  const std::string format = Str(Field(record, "format"), "format");
  bool known_format = false;
  for (const auto& [f, name] : kFormats) {
    if (format == name) {
      d.format = f;
      known_format = true;
    }
  }
  if (!known_format) throw Bad{"unknown format \"" + format + "\""};
  d.raw = Str(Field(record, "raw"), "raw");
  d.text = Str(Field(record, "text"), "text");
  constexpr int64_t kMax = std::numeric_limits<uint32_t>::max();
  if (static_cast<int64_t>(d.raw.size()) > kMax || static_cast<int64_t>(d.text.size()) > kMax) {
    throw Bad{"text over 4 GiB"};
  }
  const int64_t raw_size = static_cast<int64_t>(d.raw.size());
  const int64_t text_size = static_cast<int64_t>(d.text.size());

  const std::vector<Node> offsets = Array(Field(record, "offsets"), "offsets", 4);
  for (size_t i = 0; i < offsets.size(); i += 4) {
    auto at = [&] { return At("offsets", i / 4); };
    const auto len =
        static_cast<uint32_t>(Int(offsets[i], 1, kMax, What{"offsets", i / 4, "length"}));
    const auto rb = static_cast<uint32_t>(
        Int(offsets[i + 1], 0, raw_size, What{"offsets", i / 4, "raw begin"}));
    const auto re =
        static_cast<uint32_t>(Int(offsets[i + 2], rb, raw_size, What{"offsets", i / 4, "raw end"}));
    const bool copy = Int(offsets[i + 3], 0, 1, What{"offsets", i / 4, "copy"}) == 1;
    if (int64_t{d.offsets.size()} + len > text_size) throw Bad{at() + " runs past the text"};
    if (copy) {
      if (re - rb != len)
        throw Bad{at() + " copies " + std::to_string(len) + " bytes from a range of " +
                  std::to_string(re - rb)};
      // a copied run holds the raw bytes it maps to, but for ASCII the
      // loader rewrote one for one (a newline that became a space) and for
      // spaces it put where malformed HTML shifted its map; else offsets
      // computed from the text would point into other characters
      const uint32_t tb = d.offsets.size();
      for (uint32_t k = 0; k < len; ++k) {
        const auto t = static_cast<unsigned char>(d.text[tb + k]);
        const auto r = static_cast<unsigned char>(d.raw[rb + k]);
        if (t != r && t != ' ' && (t >= 0x80 || r >= 0x80)) {
          throw Bad{at() + " copies raw [" + std::to_string(rb) + ", " + std::to_string(re) +
                    ") but the text differs at raw byte " + std::to_string(rb + k)};
        }
      }
      d.offsets.AppendCopy(len, rb);
    } else {
      d.offsets.Append(len, rb, re);
    }
  }
  if (d.offsets.size() != d.text.size()) {
    throw Bad{"offsets cover " + std::to_string(d.offsets.size()) + " of " +
              std::to_string(d.text.size()) + " text bytes"};
  }
  const std::vector<Node> blocks = Array(Field(record, "blocks"), "blocks", 3);
  for (size_t i = 0; i < blocks.size(); i += 3) {
    Block b;
    b.span.begin = static_cast<uint32_t>(Int(blocks[i], 0, text_size, What{"blocks", i / 3}));
    b.span.end =
        static_cast<uint32_t>(Int(blocks[i + 1], b.span.begin, text_size, What{"blocks", i / 3}));
    b.kind = static_cast<Block::Kind>(Int(blocks[i + 2], 0, 2, What{"blocks", i / 3, "kind"}));
    d.blocks.push_back(b);
  }

  MatchResult& m = a.match;
  const std::vector<Node> sentences = Array(Field(record, "sentences"), "sentences", 2);
  uint32_t last_end = 0;
  for (size_t i = 0; i < sentences.size(); i += 2) {
    Sentence s;
    s.span.begin =
        static_cast<uint32_t>(Int(sentences[i], last_end, text_size, What{"sentences", i / 2}));
    s.span.end = static_cast<uint32_t>(
        Int(sentences[i + 1], s.span.begin + 1, text_size, What{"sentences", i / 2}));
    last_end = s.span.end;
    m.sentences.push_back(s);
  }
  const int64_t n_sentences = static_cast<int64_t>(m.sentences.size());
  const int64_t n_gazetteer = static_cast<int64_t>(pack.gazetteer().size());
  const std::vector<Node> mentions = Array(Field(record, "mentions"), "mentions");
  for (size_t i = 0; i < mentions.size(); ++i) {
    auto at = [&] { return At("mentions", i); };
    const std::vector<Node> x = Tuple(mentions[i], 11, What{"mentions", i});
    Mention y;
    y.span.begin = static_cast<uint32_t>(Int(x[0], 0, text_size, What{"mentions", i, "begin"}));
    y.span.end =
        static_cast<uint32_t>(Int(x[1], y.span.begin + 1, text_size, What{"mentions", i, "end"}));
    const std::string type = Str(x[2], What{"mentions", i, "type"});
    const auto t = ParseEntityType(type);
    if (!t) throw Bad{at() + " has unknown type \"" + type + "\""};
    y.type = *t;
    y.name = Str(x[3], What{"mentions", i, "name"});
    if (y.name.empty()) throw Bad{at() + " has an empty name"};
    y.rule = Str(x[4], What{"mentions", i, "rule"});
    y.priority =
        static_cast<int>(Int(x[5], std::numeric_limits<int>::min(), std::numeric_limits<int>::max(),
                             What{"mentions", i, "priority"}));
    y.gazetteer =
        static_cast<int>(Int(x[6], -1, n_gazetteer - 1, What{"mentions", i, "gazetteer"}));
    y.prefix_place = static_cast<int>(Int(x[7], -1, n_gazetteer - 1, What{"mentions", i, "place"}));
    y.sentence = static_cast<int>(Int(x[8], 0, n_sentences - 1, What{"mentions", i, "sentence"}));
    if (!m.sentences[y.sentence].span.Contains(y.span))
      throw Bad{at() + " lies outside its sentence"};
    y.subtype = Str(x[9], What{"mentions", i, "subtype"});
    for (const Node& al : Array(x[10], What{"mentions", i, "aliases"})) {
      y.aliases.push_back(Str(al, What{"mentions", i, "alias"}));
    }
    if (!m.mentions.empty()) {
      const Span& p = m.mentions.back().span;
      if (p.begin > y.span.begin || (p.begin == y.span.begin && p.end < y.span.end)) {
        throw Bad{at() + " is out of order (mentions are sorted by begin, longer first)"};
      }
    }
    m.mentions.push_back(std::move(y));
  }
  const int64_t n_mentions = static_cast<int64_t>(m.mentions.size());
  const std::vector<Node> aliases = Array(Field(record, "aliases"), "aliases");
  for (size_t i = 0; i < aliases.size(); ++i) {
    const std::vector<Node> x = Tuple(aliases[i], 3, What{"aliases", i});
    AliasLink l;
    l.mention = static_cast<size_t>(Int(x[0], 0, n_mentions - 1, What{"aliases", i, "mention"}));
    l.alias = Str(x[1], What{"aliases", i, "alias"});
    l.rule = Str(x[2], What{"aliases", i, "rule"});
    m.aliases.push_back(std::move(l));
  }
  const std::vector<Node> relations = Array(Field(record, "relations"), "relations");
  for (size_t i = 0; i < relations.size(); ++i) {
    auto at = [&] { return At("relations", i); };
    const std::vector<Node> x = Tuple(relations[i], 5, What{"relations", i});
    RelationMatch r;
    const std::string type = Str(x[0], What{"relations", i, "type"});
    const auto t = ParseRelationType(type);
    if (!t) throw Bad{at() + " has unknown relation \"" + type + "\""};
    r.type = *t;
    r.from = static_cast<size_t>(Int(x[1], 0, n_mentions - 1, What{"relations", i, "from"}));
    r.to = static_cast<size_t>(Int(x[2], 0, n_mentions - 1, What{"relations", i, "to"}));
    r.rule = Str(x[3], What{"relations", i, "rule"});
    r.sentence = static_cast<int>(Int(x[4], 0, n_sentences - 1, What{"relations", i, "sentence"}));
    m.relations.push_back(std::move(r));
  }
  return a;
}

// The article `node` describes, or the error, named by `where`.
template <typename Node>
Result<Article> DecodeNode(const Node& node, const RulePack& pack, const std::string& where) {
  try {
    return Decode(node, pack);
  } catch (const Bad& bad) {
    return ParseError(where + ": record: " + bad.what);
  } catch (const json::exception& e) {
    return ParseError(where + ": record: " + e.what());
  }
}

// JSON text parsed with simdjson, which reads up to SIMDJSON_PADDING bytes
// past the end: the text is copied into a padded, zeroed buffer first.
class SimdParser {
 public:
  simdjson::error_code Parse(std::string_view text, simdjson::dom::element* root) {
    padded_.assign(text);
    padded_.append(simdjson::SIMDJSON_PADDING, '\0');
    return parser_.parse(padded_.data(), text.size(), /*realloc_if_needed=*/false).get(*root);
  }

 private:
  simdjson::dom::parser parser_;  // its last document stays valid until the next Parse
  std::string padded_;
};

// This thread's parser for records' text.
SimdParser& RecordParser() {
  thread_local SimdParser parser;
  return parser;
}

// A record embedded in a document as JSON text: parsed with simdjson, or,
// when simdjson refuses the text, with nlohmann (which may accept what
// simdjson does not, so that both read the same records). Sets *not_json
// when neither can parse it.
Result<Article> DecodeEmbedded(std::string_view text, const RulePack& pack,
                               const std::string& where, bool* not_json) {
  *not_json = false;
  simdjson::dom::element root;
  if (RecordParser().Parse(text, &root) == simdjson::SUCCESS) {
    return DecodeNode(SimdNode(root), pack, where);
  }
  const json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) {
    *not_json = true;
    return ParseError(where + ": record: not JSON text");
  }
  return DecodeNode(NlohmannNode(parsed), pack, where);
}

}  // namespace

Result<Article> DecodeRecord(const json& record, const RulePack& pack, const std::string& where) {
  return DecodeNode(NlohmannNode(record), pack, where);
}

Result<Article> DecodeRecordText(std::string_view text, const RulePack& pack,
                                 const std::string& where) {
  simdjson::dom::element root;
  if (const auto err = RecordParser().Parse(text, &root); err != simdjson::SUCCESS) {
    return ParseError(where + ": record: " + simdjson::error_message(err));
  }
  return DecodeNode(SimdNode(root), pack, where);
}

namespace {

// The records of one JSON-LD document (a whole graph or one NDJSON line).
template <typename Node>
void TakeDocument(const Node& doc, const std::string& where, const RulePack& pack,
                  const std::function<void(Article&&)>& take, std::vector<Status>* errors) {
  auto report = [&](std::string m) {
    if (errors) errors->push_back(ParseError(where + ": " + std::move(m)));
  };
  if (!doc.IsObject()) return report("not a JSON-LD document (an object)");
  std::vector<Node> nodes;
  if (Node graph = doc; doc.Find("@graph", &graph)) {
    if (!graph.IsArray()) return report("@graph is not an array");
    nodes = graph.Items();
  } else {
    nodes.push_back(doc);
  }
  for (const Node& n : nodes) {
    if (!n.IsObject()) continue;
    if (Node type = n;
        !n.Find("@type", &type) || !type.IsString() || type.String() != "NewsArticle") {
      continue;
    }
    Node field = n;
    const std::string url = n.Find("url", &field) && field.IsString() ? std::string(field.String())
                                                                      : std::string("an article");
    if (n.Find("ckg:error", &field)) {
      report(url + ": was not extracted: " +
             (field.IsString() ? std::string(field.String()) : field.Text()));
      continue;
    }
    Node rec = n;
    if (!n.Find("ckg:record", &rec)) {
      report(url + ": has no ckg:record (written with --no-record, or by another tool)");
      continue;
    }
    // {"@type": rdf:JSON, "@value": "<JSON text>"}; also a JSON object in
    // place of the text, or the record itself (as JSON-LD compaction may give)
    Node value = rec;
    if (rec.IsObject()) rec.Find("@value", &value);
    bool not_json = false;
    auto a = value.IsString() ? DecodeEmbedded(value.String(), pack, where + ": " + url, &not_json)
                              : DecodeNode(value, pack, where + ": " + url);
    if (not_json) {
      report(url + ": ckg:record is not JSON text");
      continue;
    }
    if (!a.ok()) {
      if (errors) errors->push_back(a.status());
      continue;
    }
    take(std::move(a).value());
  }
}

}  // namespace

void ForEachRecord(std::istream& in, const std::string& source, const RulePack& pack,
                   std::vector<Status>* errors, const std::function<void(Article&&)>& take) {
  // NDJSON when the first non-blank line is a whole JSON value; else the
  // whole input is one document
  std::string first;
  size_t first_no = 0;
  while (std::getline(in, first)) {
    ++first_no;
    if (first.find_first_not_of(" \t\r") != std::string::npos) break;
  }
  if (first.find_first_not_of(" \t\r") == std::string::npos) {
    if (errors) errors->push_back(ParseError(source + ": empty: no JSON-LD"));
    return;
  }
  json doc = json::parse(first, nullptr, false);
  if (!doc.is_discarded()) {
    TakeDocument(NlohmannNode(doc), source + ":" + std::to_string(first_no), pack, take, errors);
    // the other lines with simdjson (several times faster); a line it
    // refuses goes to nlohmann, as the first line did
    SimdParser lines;
    std::string line;
    size_t no = first_no;
    while (std::getline(in, line)) {
      ++no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = source + ":" + std::to_string(no);
      if (simdjson::dom::element root; lines.Parse(line, &root) == simdjson::SUCCESS) {
        TakeDocument(SimdNode(root), where, pack, take, errors);
        continue;
      }
      doc = json::parse(line, nullptr, false);
      if (doc.is_discarded()) {
        if (errors) errors->push_back(ParseError(where + ": not JSON"));
        continue;
      }
      TakeDocument(NlohmannNode(doc), where, pack, take, errors);
    }
  } else {
    std::string all = first + "\n";
    all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    try {
      doc = json::parse(all);
    } catch (const json::parse_error& e) {
      // e.byte is 1-based; name the line it falls on
      const size_t at = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, all.size());
      const size_t line = first_no + std::count(all.begin(), all.begin() + at, '\n');
      // nlohmann's message without its id and its "last read" excerpt, which
      // may end inside a character
      std::string what = e.what();
      if (size_t p = what.find("] "); p != std::string::npos) what.erase(0, p + 2);
      if (size_t p = what.find("; last read"); p != std::string::npos) what.resize(p);
      if (errors) {
        errors->push_back(
            ParseError(source + ":" + std::to_string(line) + ": not JSON-LD: " + what));
      }
      return;
    } catch (const json::exception& e) {
      // a number too large for a double (out_of_range 406; found by the
      // fuzzer: it escaped and ended the process)
      std::string what = e.what();
      if (size_t p = what.find("] "); p != std::string::npos) what.erase(0, p + 2);
      if (errors) errors->push_back(ParseError(source + ": not JSON-LD: " + what));
      return;
    }
    TakeDocument(NlohmannNode(doc), source, pack, take, errors);
  }
  if (in.bad() && errors) errors->push_back(IoError(source + ": read failed"));
}

std::vector<Article> ReadRecords(std::istream& in, const std::string& source, const RulePack& pack,
                                 std::vector<Status>* errors) {
  std::vector<Article> out;
  ForEachRecord(in, source, pack, errors, [&out](Article&& a) { out.push_back(std::move(a)); });
  return out;
}

}  // namespace clusterkg
