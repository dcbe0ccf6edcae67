// Rule examples as tests, and explanations of one article's matching.
#include "clusterkg/inspect.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace clusterkg {
namespace {

using nlohmann::json;

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// "A", "B" and "C" (at most `most`, then "…").
std::string QuotedList(const std::vector<std::string>& names, size_t most = 6) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < most; ++i) {
    if (i) out += ", ";
    out += Quote(names[i]);
  }
  if (names.size() > most) out += ", …";
  return out;
}

std::string Describe(const Mention& m) { return Quote(m.name) + " (" + m.rule + ")"; }

// What went wrong with one positive example, or "" when it holds.
std::string CheckExample(const Rule& rule, const RuleExample& x, const Explanation& e,
                         const Normalizer& norm) {
  const MatchResult& r = e.article.match;
  if (rule.kind == Rule::Kind::kRelation) {
    const std::string from = norm.Normalize(x.from), to = norm.Normalize(x.to);
    std::vector<std::string> got;
    for (const RelationMatch& rel : r.relations) {
      if (rel.rule != rule.id) continue;
      const std::string& f = r.mentions[rel.from].name;
      const std::string& t = r.mentions[rel.to].name;
      if (f == from && t == to) return "";
      got.push_back(f + " -> " + t);
    }
    std::string msg = "example does not relate " + Quote(from) + " to " + Quote(to);
    if (!got.empty()) return msg + "; the rule relates " + QuotedList(got);
    std::vector<std::string> ms;
    for (const Mention& m : r.mentions) ms.push_back(m.name);
    return msg + "; the rule relates nothing" +
           (ms.empty() ? "; no mentions" : "; mentions: " + QuotedList(ms, 12));
  }
  const std::string name = norm.Normalize(x.name);
  std::vector<std::string> got;
  if (rule.kind == Rule::Kind::kAlias) {
    for (const AliasLink& l : r.aliases) {
      if (l.rule != rule.id) continue;
      if (l.alias == name) return "";
      got.push_back(l.alias);
    }
    std::string msg = "example does not declare the alias " + Quote(name);
    return got.empty() ? msg : msg + "; the rule declares " + QuotedList(got);
  }
  for (const Mention& m : r.mentions) {
    if (m.rule != rule.id) continue;
    if (m.name == name) return "";
    got.push_back(m.name);
  }
  std::string msg = "example does not give " + Quote(name);
  if (!got.empty()) return msg + "; the rule gives " + QuotedList(got);
  for (const Mention& m : r.mentions) {
    if (m.name == name) return msg + "; it is found by " + m.rule;
  }
  for (const MatchTrace::Overlap& o : e.trace.overlaps) {
    if (o.loser.rule == rule.id) {
      return msg + "; the rule's " + Quote(o.loser.name) + " lost to " + Describe(o.winner);
    }
  }
  for (const MatchTrace::Dropped& d : e.trace.dropped) {
    if (d.candidate.rule == rule.id) {
      return msg + "; the rule matched " + Quote(d.candidate.name) + ", dropped: " + d.why;
    }
  }
  std::vector<std::string> ms;
  for (const Mention& m : r.mentions) ms.push_back(m.name + " (" + m.rule + ")");
  return msg + "; the rule matches nothing" +
         (ms.empty() ? "" : "; mentions: " + QuotedList(ms, 12));
}

// What a counter example wrongly gave, or "".
std::string CheckCounterExample(const Rule& rule, const Explanation& e) {
  const MatchResult& r = e.article.match;
  std::vector<std::string> got;
  if (rule.kind == Rule::Kind::kRelation) {
    for (const RelationMatch& rel : r.relations) {
      if (rel.rule == rule.id)
        got.push_back(r.mentions[rel.from].name + " -> " + r.mentions[rel.to].name);
    }
  } else if (rule.kind == Rule::Kind::kAlias) {
    for (const AliasLink& l : r.aliases) {
      if (l.rule == rule.id) got.push_back(l.alias);
    }
  } else {
    for (const Mention& m : r.mentions) {
      if (m.rule == rule.id) got.push_back(m.name);
    }
  }
  return got.empty() ? "" : "counter example gives " + QuotedList(got);
}

json RawSpan(const Document& doc, const Span& s) {
  const auto [b, e] = doc.offsets.ToRaw(s);
  return json::array({b, e});
}

json MentionJson(const Document& doc, const Mention& m) {
  json j = {{"type", std::string(EntityTypeName(m.type))},
            {"name", m.name},
            {"raw", RawSpan(doc, m.span)},
            {"rule", m.rule},
            {"priority", m.priority}};
  if (!m.subtype.empty()) j["subtype"] = m.subtype;
  return j;
}

}  // namespace

std::string RuleProblem::ToString() const {
  std::ostringstream s;
  s << file << ":" << line << ": ";
  if (!rule.empty()) s << rule << ": ";
  s << message;
  return s.str();
}

ExampleReport RunRuleExamples(const Extractor& extractor, const ExampleOptions& options) {
  ExampleReport report;
  auto run = [&](const std::string& text) {
    auto doc = LoadString(text, "example", extractor.options().load);
    if (!doc.ok()) return Explanation{};
    return Explain(extractor, std::move(doc).value());
  };
  for (const Rule& rule : extractor.rules().rules()) {
    if (options.which && !options.which(rule)) continue;
    ++report.rules;
    if (options.require_examples && (rule.examples.empty() || rule.counter_examples.empty())) {
      report.failures.push_back(
          {rule.file, rule.line, rule.id,
           rule.examples.empty() ? "the rule has no example" : "the rule has no counter example"});
    }
    for (const RuleExample& x : rule.examples) {
      ++report.examples;
      const std::string msg = CheckExample(rule, x, run(x.text), extractor.normalizer());
      if (!msg.empty()) report.failures.push_back({rule.file, x.line, rule.id, msg});
    }
    for (const RuleExample& x : rule.counter_examples) {
      ++report.examples;
      const std::string msg = CheckCounterExample(rule, run(x.text));
      if (!msg.empty()) report.failures.push_back({rule.file, x.line, rule.id, msg});
    }
  }
  return report;
}

Explanation Explain(const Extractor& extractor, Document doc) {
  Explanation e;
  extractor.normalizer().Apply(doc);
  e.article.match = extractor.matcher().Match(doc, {}, &e.trace);
  e.article.doc = std::move(doc);
  return e;
}

namespace {

json ExplanationTree(const Explanation& e) {
  const Document& doc = e.article.doc;
  const MatchResult& r = e.article.match;
  json sentences = json::array();
  for (size_t i = 0; i < r.sentences.size(); ++i) {
    const Span s = r.sentences[i].span;
    std::string text = doc.text.substr(s.begin, s.size());
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    sentences.push_back({{"index", i},
                         {"text", text},
                         {"raw", RawSpan(doc, s)},
                         {"mentions", json::array()},
                         {"aliases", json::array()},
                         {"relations", json::array()}});
  }
  auto sentence_of = [&](const Span& span) -> json* {
    for (size_t i = 0; i < r.sentences.size(); ++i) {
      if (r.sentences[i].span.Contains(span)) return &sentences[i];
    }
    return nullptr;
  };
  // the mention (index) each beaten candidate lost to: the one holding the
  // winner's span (extension rules may have lengthened it since)
  std::vector<json> beat(r.mentions.size(), json::array());
  json lost = json::array();
  for (const MatchTrace::Overlap& o : e.trace.overlaps) {
    json l = MentionJson(doc, o.loser);
    size_t k = 0;
    while (k < r.mentions.size() &&
           !(r.mentions[k].span.Contains(o.winner.span) && r.mentions[k].type == o.winner.type)) {
      ++k;
    }
    if (k < r.mentions.size()) {
      beat[k].push_back(std::move(l));
    } else {
      l["lost_to"] = MentionJson(doc, o.winner);
      if (json* s = sentence_of(o.loser.span)) (*s)["lost"].push_back(std::move(l));
    }
  }
  for (const MatchTrace::Dropped& d : e.trace.dropped) {
    json j = MentionJson(doc, d.candidate);
    j.erase("priority");
    j["why"] = d.why;
    if (json* s = sentence_of(d.candidate.span)) (*s)["dropped"].push_back(std::move(j));
  }
  for (size_t k = 0; k < r.mentions.size(); ++k) {
    const Mention& m = r.mentions[k];
    json j = MentionJson(doc, m);
    if (!beat[k].empty()) j["beat"] = std::move(beat[k]);
    if (m.sentence >= 0 && static_cast<size_t>(m.sentence) < sentences.size())
      sentences[m.sentence]["mentions"].push_back(std::move(j));
  }
  for (const AliasLink& l : r.aliases) {
    const Mention& m = r.mentions[l.mention];
    if (m.sentence >= 0 && static_cast<size_t>(m.sentence) < sentences.size()) {
      sentences[m.sentence]["aliases"].push_back(
          {{"alias", l.alias}, {"name", m.name}, {"rule", l.rule}});
    }
  }
  for (const RelationMatch& rel : r.relations) {
    if (rel.sentence < 0 || static_cast<size_t>(rel.sentence) >= sentences.size()) continue;
    sentences[rel.sentence]["relations"].push_back(
        {{"relation", std::string(RelationTypeName(rel.type))},
         {"from", r.mentions[rel.from].name},
         {"to", r.mentions[rel.to].name},
         {"rule", rel.rule}});
  }
  return {{"article", {{"id", doc.id}, {"url", doc.url}, {"headline", doc.headline}}},
          {"mentions", r.mentions.size()},
          {"relations", r.relations.size()},
          {"sentences", std::move(sentences)}};
}

std::string Raw(const json& raw) {
  return "[" + std::to_string(raw[0].get<uint32_t>()) + ", " +
         std::to_string(raw[1].get<uint32_t>()) + ")";
}

std::string MentionLine(const json& m) {
  return m["type"].get<std::string>() + " " + m["name"].get<std::string>() + " " + Raw(m["raw"]) +
         " " + m["rule"].get<std::string>();
}

}  // namespace

std::string ExplanationJson(const Explanation& e, int indent) {
  return ExplanationTree(e).dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string ExplanationText(const Explanation& e) {
  const json t = ExplanationTree(e);
  std::ostringstream out;
  out << t["article"]["id"].get<std::string>() << ": " << t["sentences"].size() << " sentences, "
      << t["mentions"].get<size_t>() << " mentions, " << t["relations"].get<size_t>()
      << " relations\n";
  for (const json& s : t["sentences"]) {
    out << "\n[" << s["index"].get<size_t>() << "] " << Raw(s["raw"]) << " "
        << s["text"].get<std::string>() << "\n";
    for (const json& m : s["mentions"]) {
      out << "  " << MentionLine(m) << "\n";
      if (m.contains("beat")) {
        for (const json& b : m["beat"]) out << "      beat " << MentionLine(b) << "\n";
      }
    }
    if (s.contains("lost")) {
      for (const json& l : s["lost"]) {
        out << "  lost " << MentionLine(l) << " to " << MentionLine(l["lost_to"]) << "\n";
      }
    }
    if (s.contains("dropped")) {
      for (const json& d : s["dropped"]) {
        out << "  dropped " << MentionLine(d) << ": " << d["why"].get<std::string>() << "\n";
      }
    }
    for (const json& a : s["aliases"]) {
      out << "  alias " << a["alias"].get<std::string>() << " = " << a["name"].get<std::string>()
          << " " << a["rule"].get<std::string>() << "\n";
    }
    for (const json& r : s["relations"]) {
      out << "  " << r["relation"].get<std::string>() << ": " << r["from"].get<std::string>()
          << " -> " << r["to"].get<std::string>() << " " << r["rule"].get<std::string>() << "\n";
    }
  }
  return out.str();
}

}  // namespace clusterkg
