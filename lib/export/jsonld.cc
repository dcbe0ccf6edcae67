// JSON-LD writer (SPEC section 4).
#include "clusterkg/export/jsonld.h"

#include <algorithm>
#include <cctype>

namespace clusterkg {
namespace {

using nlohmann::json;

constexpr const char* kCkg = "https://w3id.org/clusterkg/vocab#";

std::string TypeTerm(EntityType t) { return std::string(EntityTypeTerm(t)); }

// The property term of a relation, and its full IRI.
std::string RelationTerm(RelationType t) { return std::string(RelationTypeTerm(t)); }
std::string RelationIri(RelationType t) {
  const std::string term = RelationTerm(t);
  if (term.rfind("ckg:", 0) == 0) return kCkg + term.substr(4);
  if (term.rfind("schema:", 0) == 0) return "https://schema.org/" + term.substr(7);
  if (term.rfind("http", 0) == 0) return term;
  return "https://schema.org/" + term;
}

json Ref(const std::string& iri) { return json{{"@id", iri}}; }

}  // namespace

json JsonLdContext() {
  return json{{"@version", 1.1},
              {"@vocab", "https://schema.org/"},
              {"schema", "https://schema.org/"},
              {"ckg", kCkg},
              {"xsd", "http://www.w3.org/2001/XMLSchema#"}};
}

void JsonLdWriter::ForEachNode(const KnowledgeGraph& g,
                               const std::function<void(json&&)>& emit) const {
  for (size_t a = 0; a < g.articles().size(); ++a) {
    const ArticleInfo& info = g.articles()[a];
    json n{{"@id", info.iri}, {"@type", "NewsArticle"}, {"url", info.url}};
    if (!info.headline.empty()) n["headline"] = info.headline;
    if (!info.date.empty()) n["datePublished"] = info.date;
    if (!info.author.empty()) n["author"] = info.author;
    if (info.id != info.url) n["identifier"] = info.id;
    if (options_.records && !info.record.empty()) {
      // an rdf:JSON literal whose lexical form is the compact JSON text: one
      // line in indented output, kept byte for byte by JSON-LD processors
      n["ckg:record"] = json{{"@type", "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"},
                             {"@value", info.record}};
    }
    json ms = json::array();
    for (EntityId id : g.ArticleEntities(a)) ms.push_back(Ref(g.EntityIri(id)));
    n["mentions"] = std::move(ms);
    emit(std::move(n));
  }
  // relations grouped by subject
  std::vector<std::vector<size_t>> by_from(g.entities().size());
  for (size_t r = 0; r < g.relations().size(); ++r) by_from[g.relations()[r].from].push_back(r);

  for (const Entity& e : g.entities()) {
    json n{{"@id", g.EntityIri(e.id)}};
    json types = json::array({TypeTerm(e.type)});
    if (!e.subtype.empty() && e.subtype != TypeTerm(e.type)) types.push_back(e.subtype);
    n["@type"] = types.size() == 1 ? types[0] : types;
    n["name"] = e.name;
    if (!e.aliases.empty()) n["alternateName"] = e.aliases;
    if (!e.iri.empty()) n["sameAs"] = Ref(e.iri);
    json ms = json::array();
    for (const EntityMention& m : e.mentions) {
      const std::string& art = g.articles()[m.article].iri;
      std::string type(EntityTypeName(e.type));
      for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      ms.push_back(json{
          {"@id", art + "#" + type + "-" + std::to_string(m.start) + "-" + std::to_string(m.end)},
          {"@type", "ckg:Mention"},
          {"ckg:article", Ref(art)},
          {"ckg:start", m.start},
          {"ckg:end", m.end},
          {"ckg:text", m.text},
          {"ckg:rule", m.rule}});
    }
    n["ckg:mention"] = std::move(ms);
    for (size_t r : by_from[e.id]) {
      const Relation& rel = g.relations()[r];
      const std::string term = RelationTerm(rel.type);
      if (!n.contains(term)) n[term] = json::array();
      n[term].push_back(Ref(g.EntityIri(rel.to)));
    }
    emit(std::move(n));
  }
  if (options_.evidence) {
    for (const Relation& rel : g.relations()) {
      const std::string from = g.EntityIri(rel.from);
      const std::string to = g.EntityIri(rel.to);
      json ev = json::array();
      for (const Evidence& x : rel.evidence) {
        ev.push_back(json{{"ckg:article", Ref(g.articles()[x.article].iri)},
                          {"ckg:sentence", x.sentence},
                          {"ckg:start", x.start},
                          {"ckg:end", x.end},
                          {"ckg:rule", x.rule}});
      }
      // ArticleIri hashes any string: a stable key for the object
      const std::string key = ArticleIri(to).substr(ArticleIri(to).rfind('/') + 1);
      emit(json{{"@id", from + "#" + std::string(RelationTypeName(rel.type)) + "-" + key},
                {"@type", "ckg:RelationStatement"},
                {"ckg:subject", Ref(from)},
                {"ckg:predicate", Ref(RelationIri(rel.type))},
                {"ckg:object", Ref(to)},
                {"ckg:evidence", std::move(ev)}});
    }
  }
  if (options_.cooccurrence) {
    for (const CoOccurrence& c : g.cooccurrences()) {
      const std::string a = g.EntityIri(c.a);
      const std::string b = g.EntityIri(c.b);
      const std::string key = ArticleIri(b).substr(ArticleIri(b).rfind('/') + 1);
      emit(json{{"@id", a + "#cooccurs-" + key},
                {"@type", "ckg:CoOccurrence"},
                {"ckg:entity", json::array({Ref(a), Ref(b)})},
                {"ckg:count", c.count}});
    }
  }
}

json JsonLdWriter::ToJson(const KnowledgeGraph& g) const {
  json nodes = json::array();
  ForEachNode(g, [&](json&& n) { nodes.push_back(std::move(n)); });
  return json{{"@context", JsonLdContext()}, {"@graph", std::move(nodes)}};
}

void to_json(nlohmann::json& j, const KnowledgeGraph& g) { j = JsonLdWriter().ToJson(g); }

Status JsonLdWriter::Write(const KnowledgeGraph& g, std::ostream& out) const {
  // One node at a time, in the bytes ToJson(g).dump(indent) would give, so
  // that memory holds one node's JSON, not the whole document's.
  try {
    using Serializer = nlohmann::detail::serializer<json>;
    Serializer s(nlohmann::detail::output_adapter<char>(out), ' ', json::error_handler_t::replace);
    const bool pretty = options_.indent >= 0;
    const auto step = static_cast<unsigned>(std::max(options_.indent, 0));
    const std::string nl = pretty ? "\n" : "";
    const std::string in1(step, ' '), in2(2 * step, ' ');
    out << "{" << nl << in1 << "\"@context\":" << (pretty ? " " : "");
    s.dump(JsonLdContext(), pretty, false, step, step);
    out << "," << nl << in1 << "\"@graph\":" << (pretty ? " " : "") << "[";
    bool first = true;
    ForEachNode(g, [&](json&& n) {
      out << (first ? "" : ",") << nl << in2;
      first = false;
      s.dump(n, pretty, false, step, 2 * step);
    });
    if (!first) out << nl << in1;
    out << "]" << nl << "}\n";
  } catch (const std::exception& e) {
    return InternalError(std::string("JSON-LD: ") + e.what());
  }
  if (!out) return IoError("JSON-LD: write failed");
  return OkStatus();
}

}  // namespace clusterkg
