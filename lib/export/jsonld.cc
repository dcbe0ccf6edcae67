// JSON-LD writer (SPEC section 4).
#include "clusterkg/export/jsonld.h"

#include "internal/json_string.h"
#include "internal/jsonld_nodes.h"
#include "internal/stable_hash.h"
#include "internal/text_buf.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <map>
#include <string_view>
#include <vector>

namespace clusterkg {
namespace {

using nlohmann::json;

constexpr const char* kCkg = "https://w3id.org/clusterkg/vocab#";

// The property term of a relation, and its full IRI.
std::string RelationTerm(RelationType t) { return std::string(RelationTypeTerm(t)); }
std::string RelationIri(RelationType t) {
  const std::string term = RelationTerm(t);
  if (term.rfind("ckg:", 0) == 0) return kCkg + term.substr(4);
  if (term.rfind("schema:", 0) == 0) return "https://schema.org/" + term.substr(7);
  if (term.rfind("http", 0) == 0) return term;
  return "https://schema.org/" + term;
}

// JSON text in the bytes nlohmann's dump(indent, ' ', false, replace)
// writes, built without a json tree: compact when indent < 0, else one
// member per line. Members must come in nlohmann's (sorted) key order.
using internal::TextBuf;

void AppendNumber(TextBuf& out, uint64_t v) {
  char digits[24];
  out.append(digits,
             static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, v).ptr - digits));
}

class JsonText {
 public:
  // `checked`: see AppendString
  JsonText(TextBuf& out, int indent, int depth, bool checked)
      : out_(out), indent_(indent), depth_(depth), checked_(checked) {}

  void Open(char c) {
    Value();
    out_ += c;
    if (open_ >= kFixed) more_.resize(open_ - kFixed + 1);
    Count(open_++) = 0;
    ++depth_;
  }
  void Close(char c) {
    --depth_;
    if (Count(open_ - 1) > 0 && indent_ >= 0) {
      out_ += '\n';
      out_.append(static_cast<size_t>(depth_ * indent_), ' ');
    }
    --open_;
    out_ += c;
  }
  void Key(std::string_view k) {  // k: ASCII with nothing to escape
    Next();
    // "k": (and a space when indenting), written in place
    const size_t n = k.size() + (indent_ >= 0 ? 4 : 3);
    char* d = out_.Extend(n);
    *d++ = '"';
    std::memcpy(d, k.data(), k.size());
    d += k.size();
    *d++ = '"';
    *d++ = ':';
    if (indent_ >= 0) *d = ' ';
    after_key_ = true;
  }
  void String(std::string_view s) {
    Value();
    AppendString(out_, s);
  }
  // s as a JSON string, appended to `out`. Unchecked, its bytes >= 0x80
  // are copied as they are; checked, what is not valid UTF-8 goes through
  // nlohmann, which replaces it (see WriteNode).
  void AppendString(TextBuf& out, std::string_view s) const {
    if (!checked_) {
      internal::AppendJsonString(out, s);
    } else if (!internal::AppendJsonStringChecked(out, s)) {
      out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }
  // For a value the caller writes itself, whole and compact: what comes
  // before it (a comma), and the text to append it to.
  TextBuf& RawValue() {
    Value();
    return out_;
  }
  bool compact() const { return indent_ < 0; }
  void Number(uint64_t v) {
    Value();
    AppendNumber(out_, v);
  }
  // {"@id": iri}
  void Ref(std::string_view iri) {
    Open('{');
    Key("@id");
    String(iri);
    Close('}');
  }

 private:
  // a value: after its key in an object, else the next item of an array
  void Value() {
    if (after_key_) {
      after_key_ = false;
    } else if (open_ != 0) {
      Next();
    }
  }
  void Next() {
    if (open_ == 0) return;
    if (Count(open_ - 1)++ > 0) out_ += ',';
    if (indent_ >= 0) {
      out_ += '\n';
      out_.append(static_cast<size_t>(depth_ * indent_), ' ');
    }
  }

  TextBuf& out_;
  int indent_;
  int depth_;
  bool checked_;
  // members written per open object or array, Count(0) to Count(open_ - 1):
  // the first kFixed in place, the others (deeper than nodes go) in more_
  static constexpr size_t kFixed = 8;
  size_t& Count(size_t i) { return i < kFixed ? fixed_[i] : more_[i - kFixed]; }
  std::array<size_t, kFixed> fixed_;
  std::vector<size_t> more_;
  size_t open_ = 0;
  bool after_key_ = false;
};

// Clears `buf` and writes a node into it with write(checked): first with
// its strings unchecked, then, only when the node is not valid UTF-8,
// again with each string checked. The result is the node written checked:
// a string's bytes >= 0x80 are copied unchanged, and all else in the node
// is ASCII, so the node is valid UTF-8 exactly when each of its strings
// is, and then checking changes nothing. One check of the node costs far
// less than one per string.
// The node is written into a buffer of the thread's (cheaper to append
// to) and copied into `buf`.
template <typename Write>
void WriteNode(std::string& buf, Write write) {
  thread_local TextBuf text;
  text.clear();
  write(text, false);
  if (!internal::ValidUtf8(text.view())) {
    text.clear();
    write(text, true);
  }
  buf.assign(text.data(), text.size());
}

// [{"@id": iri(id)}, ...]
void RefList(JsonText& t, const std::vector<EntityId>& ids, const internal::IriOf& iri) {
  t.Open('[');
  for (EntityId id : ids) t.Ref(iri(id));
  t.Close(']');
}

// ID#name-KEY: an @id made from an entity's and another's, KEY the stable
// hash of the other's @id (as ArticleIri would give it).
std::string LinkIri(const std::string& self, std::string_view name, const std::string& other) {
  std::string id;
  id.reserve(self.size() + name.size() + 18);
  id.append(self).append(1, '#').append(name).append(1, '-');
  internal::AppendStableHash(id, other);
  return id;
}

}  // namespace

json JsonLdContext() {
  return json{{"@version", 1.1},
              {"@vocab", "https://schema.org/"},
              {"schema", "https://schema.org/"},
              {"ckg", kCkg},
              {"xsd", "http://www.w3.org/2001/XMLSchema#"}};
}

namespace internal {

void ArticleNodeText(std::string& buf, int indent, int depth, const ArticleInfo& info, bool records,
                     const std::vector<EntityId>& entities, const IriOf& iri) {
  WriteNode(buf, [&](TextBuf& out, bool checked) {
    JsonText t(out, indent, depth, checked);
    // the members in their (sorted) key order
    t.Open('{');
    t.Key("@id");
    t.String(info.iri);
    t.Key("@type");
    t.String("NewsArticle");
    if (!info.author.empty()) {
      t.Key("author");
      t.String(info.author);
    }
    if (records && !info.record.empty()) {
      // an rdf:JSON literal whose lexical form is the compact JSON text: one
      // line in indented output, kept byte for byte by JSON-LD processors
      t.Key("ckg:record");
      t.Open('{');
      t.Key("@type");
      t.String("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON");
      t.Key("@value");
      t.String(info.record);
      t.Close('}');
    }
    if (!info.date.empty()) {
      t.Key("datePublished");
      t.String(info.date);
    }
    if (!info.headline.empty()) {
      t.Key("headline");
      t.String(info.headline);
    }
    if (info.id != info.url) {
      t.Key("identifier");
      t.String(info.id);
    }
    t.Key("mentions");
    RefList(t, entities, iri);
    t.Key("url");
    t.String(info.url);
    t.Close('}');
  });
}

void EntityNodeText(std::string& buf, int indent, int depth, const Entity& e,
                    const std::vector<EntityMention>& mentions,
                    const std::vector<std::pair<RelationType, EntityId>>& relations,
                    const IriOf& iri, const ArticleIriOf& article_iri) {
  const std::string self = iri(e.id);
  const std::string_view type = EntityTypeTerm(e.type);
  // The members, put in nlohmann's (sorted) key order: the fixed ones, and
  // one per relation term with its objects. A relation term that equals
  // another key is written after it, as nlohmann's stable order had it.
  enum class Kind : uint8_t { kId, kName, kType, kAlternate, kSameAs, kMention, kRelation };
  struct Member {
    std::string_view key;
    Kind kind;
    std::vector<EntityId> objects;  // kRelation
  };
  std::vector<Member> n;
  n.reserve(8);
  n.push_back({"@id", Kind::kId, {}});
  n.push_back({"name", Kind::kName, {}});
  n.push_back({"@type", Kind::kType, {}});
  if (!e.aliases.empty()) n.push_back({"alternateName", Kind::kAlternate, {}});
  if (!e.iri.empty()) n.push_back({"sameAs", Kind::kSameAs, {}});
  n.push_back({"ckg:mention", Kind::kMention, {}});
  const size_t first_relation = n.size();
  for (const auto& [rel_type, object] : relations) {  // grouped by term, in relation order
    const std::string_view term = RelationTypeTerm(rel_type);
    auto it = std::find_if(n.begin() + static_cast<std::ptrdiff_t>(first_relation), n.end(),
                           [&](const Member& m) { return m.key == term; });
    if (it == n.end()) {
      n.push_back({term, Kind::kRelation, {}});
      it = n.end() - 1;
    }
    it->objects.push_back(object);
  }
  // (relation terms differ from each other: only a term equal to a fixed
  // key depends on the sort being stable)
  std::stable_sort(n.begin(), n.end(),
                   [](const Member& a, const Member& b) { return a.key < b.key; });

  std::string lower(EntityTypeName(e.type));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  WriteNode(buf, [&](TextBuf& out, bool checked) {
    JsonText t(out, indent, depth, checked);
    t.Open('{');
    std::string id;  // a mention's ARTICLE#type-start-end, made in one buffer
    for (const Member& m : n) {
      t.Key(m.key);
      switch (m.kind) {
        case Kind::kId: t.String(self); break;
        case Kind::kName: t.String(e.name); break;
        case Kind::kType:
          if (e.subtype.empty() || e.subtype == type) {
            t.String(type);
          } else {
            t.Open('[');
            t.String(type);
            t.String(e.subtype);
            t.Close(']');
          }
          break;
        case Kind::kAlternate:
          t.Open('[');
          for (const std::string& x : e.aliases) t.String(x);
          t.Close(']');
          break;
        case Kind::kSameAs: t.Ref(e.iri); break;
        case Kind::kMention:
          t.Open('[');
          for (const EntityMention& x : mentions) {
            const std::string& art = article_iri(x.article);
            id.assign(art).append(1, '#').append(lower);
            for (const uint32_t v : {x.start, x.end}) {
              char digits[16];
              id.append(1, '-').append(digits,
                                       std::to_chars(digits, digits + sizeof digits, v).ptr);
            }
            if (t.compact()) {  // the same members, written at once
              TextBuf& out = t.RawValue();
              out.append(R"({"@id":)");
              t.AppendString(out, id);
              out.append(R"(,"@type":"ckg:Mention","ckg:article":{"@id":)");
              t.AppendString(out, art);
              out.append(R"(},"ckg:end":)");
              AppendNumber(out, x.end);
              out.append(R"(,"ckg:rule":)");
              t.AppendString(out, x.rule);
              out.append(R"(,"ckg:start":)");
              AppendNumber(out, x.start);
              out.append(R"(,"ckg:text":)");
              t.AppendString(out, x.text);
              out += '}';
              continue;
            }
            t.Open('{');
            t.Key("@id");
            t.String(id);
            t.Key("@type");
            t.String("ckg:Mention");
            t.Key("ckg:article");
            t.Ref(art);
            t.Key("ckg:end");
            t.Number(x.end);
            t.Key("ckg:rule");
            t.String(x.rule);
            t.Key("ckg:start");
            t.Number(x.start);
            t.Key("ckg:text");
            t.String(x.text);
            t.Close('}');
          }
          t.Close(']');
          break;
        case Kind::kRelation: RefList(t, m.objects, iri); break;
      }
    }
    t.Close('}');
  });
}

// The two nodes below have fixed members, written in their (sorted) key
// order.
void RelationNodeText(std::string& buf, int indent, int depth, const Relation& rel,
                      const IriOf& iri, const ArticleIriOf& article_iri) {
  const std::string from = iri(rel.from);
  const std::string to = iri(rel.to);
  WriteNode(buf, [&](TextBuf& out, bool checked) {
    JsonText t(out, indent, depth, checked);
    t.Open('{');
    t.Key("@id");
    t.String(LinkIri(from, RelationTypeName(rel.type), to));
    t.Key("@type");
    t.String("ckg:RelationStatement");
    t.Key("ckg:evidence");
    t.Open('[');
    for (const Evidence& x : rel.evidence) {
      if (t.compact()) {  // the same members, written at once
        TextBuf& out = t.RawValue();
        out.append(R"({"ckg:article":{"@id":)");
        t.AppendString(out, article_iri(x.article));
        out.append(R"(},"ckg:end":)");
        AppendNumber(out, x.end);
        out.append(R"(,"ckg:rule":)");
        t.AppendString(out, x.rule);
        out.append(R"(,"ckg:sentence":)");
        t.AppendString(out, x.sentence);
        out.append(R"(,"ckg:start":)");
        AppendNumber(out, x.start);
        out += '}';
        continue;
      }
      t.Open('{');
      t.Key("ckg:article");
      t.Ref(article_iri(x.article));
      t.Key("ckg:end");
      t.Number(x.end);
      t.Key("ckg:rule");
      t.String(x.rule);
      t.Key("ckg:sentence");
      t.String(x.sentence);
      t.Key("ckg:start");
      t.Number(x.start);
      t.Close('}');
    }
    t.Close(']');
    t.Key("ckg:object");
    t.Ref(to);
    t.Key("ckg:predicate");
    t.Ref(RelationIri(rel.type));
    t.Key("ckg:subject");
    t.Ref(from);
    t.Close('}');
  });
}

void CoOccurrenceNodeText(std::string& buf, int indent, int depth, const CoOccurrence& c,
                          const IriOf& iri) {
  const std::string a = iri(c.a);
  const std::string b = iri(c.b);
  WriteNode(buf, [&](TextBuf& out, bool checked) {
    JsonText t(out, indent, depth, checked);
    if (indent < 0) {  // the same members, written at once
      out.append(R"({"@id":)");
      t.AppendString(out, LinkIri(a, "cooccurs", b));
      out.append(R"(,"@type":"ckg:CoOccurrence","ckg:count":)");
      AppendNumber(out, c.count);
      out.append(R"(,"ckg:entity":[{"@id":)");
      t.AppendString(out, a);
      out.append(R"(},{"@id":)");
      t.AppendString(out, b);
      out.append("}]}");
      return;
    }
    t.Open('{');
    t.Key("@id");
    t.String(LinkIri(a, "cooccurs", b));
    t.Key("@type");
    t.String("ckg:CoOccurrence");
    t.Key("ckg:count");
    t.Number(c.count);
    t.Key("ckg:entity");
    t.Open('[');
    t.Ref(a);
    t.Ref(b);
    t.Close(']');
    t.Close('}');
  });
}

}  // namespace internal

void JsonLdWriter::ForEachNodeText(const KnowledgeGraph& g, int indent, int depth,
                                   const std::function<void(std::string_view)>& emit) const {
  std::string buf;
  // each entity's IRI made once: nodes refer to an entity many times
  std::vector<std::string> iris(g.entities().size());
  const internal::IriOf iri = [&g, &iris](EntityId id) -> const std::string& {
    std::string& s = iris[id];
    if (s.empty()) s = g.EntityIri(id);
    return s;
  };
  const internal::ArticleIriOf article_iri = [&g](size_t a) -> const std::string& {
    return g.articles()[a].iri;
  };
  for (size_t a = 0; a < g.articles().size(); ++a) {
    internal::ArticleNodeText(buf, indent, depth, g.articles()[a], options_.records,
                              g.ArticleEntities(a), iri);
    emit(buf);
  }
  // relations grouped by subject
  std::vector<std::vector<std::pair<RelationType, EntityId>>> by_from(g.entities().size());
  for (const Relation& r : g.relations()) by_from[r.from].emplace_back(r.type, r.to);
  for (const Entity& e : g.entities()) {
    internal::EntityNodeText(buf, indent, depth, e, e.mentions, by_from[e.id], iri, article_iri);
    emit(buf);
  }
  if (options_.evidence) {
    for (const Relation& rel : g.relations()) {
      internal::RelationNodeText(buf, indent, depth, rel, iri, article_iri);
      emit(buf);
    }
  }
  if (options_.cooccurrence) {
    for (const CoOccurrence& c : g.cooccurrences()) {
      internal::CoOccurrenceNodeText(buf, indent, depth, c, iri);
      emit(buf);
    }
  }
}

void JsonLdWriter::ForEachNode(const KnowledgeGraph& g,
                               const std::function<void(json&&)>& emit) const {
  // one definition of the nodes: their text, parsed
  ForEachNodeText(g, -1, 0, [&](std::string_view text) { emit(json::parse(text)); });
}

json JsonLdWriter::ToJson(const KnowledgeGraph& g) const {
  json nodes = json::array();
  ForEachNode(g, [&](json&& n) { nodes.push_back(std::move(n)); });
  return json{{"@context", JsonLdContext()}, {"@graph", std::move(nodes)}};
}

void to_json(nlohmann::json& j, const KnowledgeGraph& g) { j = JsonLdWriter().ToJson(g); }

namespace internal {

Status WriteJsonLdDocument(std::ostream& out, int indent, const ForEachNodeTextFn& nodes) {
  // One node at a time, in the bytes json.dump(indent) would give for the
  // whole document, so that memory holds one node's JSON.
  try {
    using Serializer = nlohmann::detail::serializer<json>;
    Serializer s(nlohmann::detail::output_adapter<char>(out), ' ', json::error_handler_t::replace);
    const bool pretty = indent >= 0;
    const auto step = static_cast<unsigned>(std::max(indent, 0));
    const std::string nl = pretty ? "\n" : "";
    const std::string in1(step, ' '), in2(2 * step, ' ');
    out << "{" << nl << in1 << "\"@context\":" << (pretty ? " " : "");
    if (pretty) {
      s.dump(JsonLdContext(), pretty, false, step, step);
    } else {  // made once: NDJSON writes it on every line
      static const std::string kCompact = JsonLdContext().dump();
      out << kCompact;
    }
    out << "," << nl << in1 << "\"@graph\":" << (pretty ? " " : "") << "[";
    bool first = true;
    Status st = nodes(pretty ? static_cast<int>(step) : -1, 2, [&](std::string_view node) {
      out << (first ? "" : ",") << nl << in2 << node;
      first = false;
    });
    if (!st.ok()) return st;
    if (!first) out << nl << in1;
    out << "]" << nl << "}\n";
  } catch (const std::exception& e) {
    return InternalError(std::string("JSON-LD: ") + e.what());
  }
  if (!out) return IoError("JSON-LD: write failed");
  return OkStatus();
}

}  // namespace internal

Status JsonLdWriter::Write(const KnowledgeGraph& g, std::ostream& out) const {
  return internal::WriteJsonLdDocument(out, options_.indent,
                                       [&](int indent, int depth, const internal::EmitText& emit) {
                                         ForEachNodeText(g, indent, depth, emit);
                                         return OkStatus();
                                       });
}

}  // namespace clusterkg
