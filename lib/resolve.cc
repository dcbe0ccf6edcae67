// The resolve stage: mentions of all articles -> entities and relations.
#include "clusterkg/resolve.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "internal/utf8.h"

namespace clusterkg {
namespace {

using internal::CountChars;
using internal::EndsWith;
using internal::StartsWith;

class UnionFind {
 public:
  size_t Add() {
    parent_.push_back(parent_.size());
    return parent_.size() - 1;
  }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

std::string StripMarks(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool skip = false;
    for (std::string_view m : {"\"", "'", " ", "《", "》", "\t"}) {
      if (s.compare(i, m.size(), m) == 0) {
        i += m.size();
        skip = true;
        break;
      }
    }
    if (!skip) out += s[i++];
  }
  return out;
}

// Name lookups in the gazetteer (indexes built once by RulePack::Compile).
class Places {
 public:
  explicit Places(const RulePack& pack) : pack_(pack) {}
  // The longest gazetteer place that `s` starts with (shorter than s).
  int Prefix(std::string_view s, size_t* len) const {
    if (s.size() < 4) return -1;
    const auto& index = pack_.PlacesByName();
    std::string& key = key_;  // one buffer for every length tried
    for (size_t l = std::min(pack_.LongestPlaceName(), s.size() - 1); l >= 3; --l) {
      // a name ends where a character ends
      if ((static_cast<unsigned char>(s[l]) & 0xC0) == 0x80) continue;
      key.assign(s.data(), l);
      auto it = index.find(key);
      if (it != index.end()) {
        *len = l;
        return it->second;
      }
    }
    return -1;
  }
  const GazetteerEntry& entry(int i) const { return pack_.gazetteer()[i]; }
  const RulePack& pack() const { return pack_; }
  // The canonical name of a gazetteer organisation with this name, or "".
  std::string Organization(const std::string& name) const {
    const auto& index = pack_.OrganizationsByName();
    auto it = index.find(name);
    return it == index.end() ? "" : it->second;
  }

 private:
  const RulePack& pack_;
  mutable std::string key_;
};

// Leading places replaced by the most specific one's canonical name:
// 深圳市南山区人民政府 -> 南山区人民政府, 深圳市会展中心 -> 深圳会展中心.
std::string CanonicalPlacePrefix(const Places& places, std::string_view name, std::string* place) {
  size_t pos = 0;
  int last = -1;
  size_t len = 0;
  while (pos < name.size()) {
    const int p = places.Prefix(name.substr(pos), &len);
    if (p < 0) break;
    last = p;
    pos += len;
  }
  if (last < 0) return std::string(name);
  if (place) *place = places.entry(last).name;
  return places.entry(last).name + std::string(name.substr(pos));
}

// 新材料产业 -> 新材料 (a suffix alone stays).
std::string WithoutIndustrySuffix(const WordLists& words, std::string s) {
  for (const std::string& suf : words.industry_suffix) {
    if (EndsWith(s, suf) && CountChars(s) > CountChars(suf)) {
      s.resize(s.size() - suf.size());
      break;
    }
  }
  return s;
}

// The core of a cluster name: 深圳市新一代信息通信产业集群 -> 新一代信息通信,
// 世界级光电子信息产业集群 -> 光电子信息.
std::string ClusterCore(const Places& places, const std::string& name, std::string* place) {
  std::string s = CanonicalPlacePrefix(places, StripMarks(name), place);
  if (place && !place->empty()) s = s.substr(place->size());
  for (const std::string& pre : places.pack().programme_words()) {  // 世界级, 国家 ...
    if (StartsWith(s, pre) && s.size() > pre.size() + 6) {
      s = s.substr(pre.size());
      break;
    }
  }
  const WordLists& words = places.pack().words();
  for (const std::string& suf : words.cluster_suffix) {
    if (EndsWith(s, suf)) {
      s.resize(s.size() - suf.size());
      break;
    }
  }
  return WithoutIndustrySuffix(words, std::move(s));
}

std::string NameKey(const Places& places, EntityType type, const std::string& name) {
  std::string s = StripMarks(name);
  const WordLists& words = places.pack().words();
  switch (type) {
    case EntityType::kOrganization: {
      for (const std::string& suf : words.provisional_suffix) {  // (筹)
        if (EndsWith(s, suf)) s.resize(s.size() - suf.size());
      }
      for (const auto& [long_form, short_form] : words.synonym) {  // 人民政府=政府
        const size_t p = s.find(long_form);
        if (p != std::string::npos) s.replace(p, long_form.size(), short_form);
      }
      // 深圳市商汤科技有限公司 is the known 商汤科技
      std::string place;
      std::string core = CanonicalPlacePrefix(places, s, &place);
      core = core.substr(place.size());
      for (const std::string& suf : words.legal_suffix) {
        if (EndsWith(core, suf) && core.size() > suf.size()) {
          core.resize(core.size() - suf.size());
          break;
        }
      }
      if (std::string known = places.Organization(core); !known.empty()) return known;
      if (std::string known = places.Organization(s); !known.empty()) return known;
      return CanonicalPlacePrefix(places, s, nullptr);
    }
    case EntityType::kIndustrialCluster: {
      std::string place;
      const std::string core = ClusterCore(places, name, &place);
      return place + "|" + core;
    }
    case EntityType::kIndustry: return WithoutIndustrySuffix(words, std::move(s));
    case EntityType::kPlace:
    case EntityType::kEvent: return CanonicalPlacePrefix(places, s, nullptr);
    default: return s;
  }
}

struct Ref {
  size_t article;
  size_t mention;
};

}  // namespace

Resolution Resolve(const std::vector<const Article*>& articles, const RulePack& pack) {
  const Places places(pack);
  const auto& gz = pack.gazetteer();
  UnionFind uf;
  std::map<std::string, size_t> key_node;  // "type|key" -> node
  auto node = [&](EntityType t, const std::string& name) {
    const std::string k = std::to_string(static_cast<int>(t)) + "|" + NameKey(places, t, name);
    auto it = key_node.find(k);
    if (it != key_node.end()) return it->second;
    const size_t n = uf.Add();
    key_node.emplace(k, n);
    return n;
  };

  std::vector<Ref> refs;
  std::vector<size_t> ref_node;
  std::vector<size_t> first_ref_of(articles.size(), 0);  // article -> its first ref
  for (size_t a = 0; a < articles.size(); ++a) {
    const MatchResult& m = articles[a]->match;
    first_ref_of[a] = refs.size();
    std::vector<size_t> nodes(m.mentions.size());
    for (size_t i = 0; i < m.mentions.size(); ++i) {
      const Mention& x = m.mentions[i];
      nodes[i] = node(x.type, x.name);
      if (x.gazetteer >= 0) uf.Union(nodes[i], node(x.type, gz[x.gazetteer].name));
      for (const auto& al : x.aliases) uf.Union(nodes[i], node(x.type, al));
      refs.push_back({a, i});
      ref_node.push_back(nodes[i]);
    }
    for (const AliasLink& l : m.aliases) {
      uf.Union(nodes[l.mention], node(m.mentions[l.mention].type, l.alias));
    }
    // 市商务局 is the article's one 深圳市商务局. (Over distinct names: an
    // article may name one organisation thousands of times.)
    std::map<std::string, size_t> orgs;  // name -> first mention
    for (size_t i = 0; i < m.mentions.size(); ++i) {
      if (m.mentions[i].type == EntityType::kOrganization) orgs.emplace(m.mentions[i].name, i);
    }
    for (const auto& [xname, i] : orgs) {
      const std::string key = NameKey(places, EntityType::kOrganization, xname);
      size_t lead = 0;  // 市 of 市商务局
      for (const std::string& l : places.pack().words().short_lead) {
        if (StartsWith(key, l)) {
          lead = l.size();
          break;
        }
      }
      if (lead == 0) continue;
      std::set<size_t> fits;
      for (const auto& [yname, j] : orgs) {
        if (yname == xname) continue;
        if (EndsWith(StripMarks(yname), StripMarks(xname)) ||
            EndsWith(NameKey(places, EntityType::kOrganization, yname), key.substr(lead))) {
          std::string place;
          CanonicalPlacePrefix(places, StripMarks(yname), &place);
          if (!place.empty()) fits.insert(uf.Find(nodes[j]));
        }
      }
      if (fits.size() == 1) uf.Union(nodes[i], *fits.begin());
    }
    // A cluster named without its place, or by the start of its industry
    // (新一代集群), is the article's one cluster that fits.
    std::vector<size_t> clusters;
    std::vector<std::pair<std::string, std::string>> cores;  // (place, core)
    std::set<std::string> cluster_names;
    for (size_t i = 0; i < m.mentions.size(); ++i) {
      if (m.mentions[i].type != EntityType::kIndustrialCluster) continue;
      if (!cluster_names.insert(m.mentions[i].name).second) continue;  // same name, same node
      clusters.push_back(i);
      std::string place;
      std::string core = ClusterCore(places, m.mentions[i].name, &place);
      cores.emplace_back(std::move(place), std::move(core));
    }
    for (size_t a = 0; a < clusters.size(); ++a) {
      const auto& [pi, ci] = cores[a];
      if (!pi.empty() || ci.empty()) continue;
      std::set<size_t> fits;
      for (size_t b = 0; b < clusters.size(); ++b) {
        const auto& [pj, cj] = cores[b];
        if (b == a) continue;
        if (cj.size() > ci.size() ? StartsWith(cj, ci) && CountChars(ci) >= 2
                                  : (cj == ci && !pj.empty())) {
          fits.insert(uf.Find(nodes[clusters[b]]));
        }
      }
      if (fits.size() == 1) uf.Union(nodes[clusters[a]], *fits.begin());
    }
  }

  // Components -> entities.
  std::map<size_t, std::vector<size_t>> comps;  // root -> refs
  for (size_t r = 0; r < refs.size(); ++r) comps[uf.Find(ref_node[r])].push_back(r);
  struct Draft {
    Entity e;
    std::vector<size_t> refs;
  };
  std::vector<Draft> drafts;
  for (auto& [root, rs] : comps) {
    Draft d;
    d.refs = rs;
    const Mention& first = articles[refs[rs[0]].article]->match.mentions[refs[rs[0]].mention];
    d.e.type = first.type;
    std::set<std::string> names;
    int gaz = -1;
    std::string best;
    int best_rank = 0;
    for (size_t r : rs) {
      const Article& art = *articles[refs[r].article];
      const Mention& x = art.match.mentions[refs[r].mention];
      names.insert(x.name);
      for (const auto& al : x.aliases) names.insert(al);
      if (x.gazetteer >= 0 && (gaz < 0 || x.gazetteer < gaz)) gaz = x.gazetteer;
      if (!x.subtype.empty() && d.e.subtype.empty()) d.e.subtype = x.subtype;
      const bool alias_rule = x.rule.rfind("alias.", 0) == 0;
      // a cluster is best named with its place (武汉光电子信息集群, not
      // 世界级光电子信息产业集群)
      const int rank = x.type == EntityType::kIndustrialCluster && x.prefix_place >= 0 ? 1 : 0;
      if (!alias_rule &&
          (best.empty() || rank > best_rank ||
           (rank == best_rank &&
            (x.name.size() > best.size() || (x.name.size() == best.size() && x.name < best))))) {
        best = x.name;
        best_rank = rank;
      }
      EntityMention em;
      em.article = refs[r].article;
      const auto [rb, re] = art.doc.offsets.ToRaw(x.span);
      em.start = rb;
      em.end = re;
      em.text = art.doc.raw.substr(rb, re - rb);
      em.rule = x.rule;
      em.sentence = x.sentence;
      // the original surface (traditional characters, full width) is a name too
      if (em.text != x.name && em.text.find_first_of("<>&\n") == std::string::npos) {
        names.insert(em.text);
      }
      d.e.mentions.push_back(std::move(em));
    }
    if (gaz >= 0) {
      d.e.name = gz[gaz].name;
      d.e.iri = gz[gaz].iri;
      for (const auto& al : gz[gaz].aliases) names.insert(al);
      if (d.e.subtype.empty()) d.e.subtype = gz[gaz].subtype;
    } else {
      d.e.name = best.empty() ? *names.begin() : best;
    }
    names.erase(d.e.name);
    d.e.aliases.assign(names.begin(), names.end());
    std::sort(d.e.mentions.begin(), d.e.mentions.end(),
              [](const EntityMention& a, const EntityMention& b) {
                return std::tie(a.article, a.start, a.end) < std::tie(b.article, b.start, b.end);
              });
    drafts.push_back(std::move(d));
  }
  // Aliases declared by alias links whose text never occurs as a mention.
  {
    std::map<size_t, size_t> root_draft;
    for (size_t i = 0; i < drafts.size(); ++i) root_draft[uf.Find(ref_node[drafts[i].refs[0]])] = i;
    for (size_t a = 0; a < articles.size(); ++a) {
      const MatchResult& m = articles[a]->match;
      for (const AliasLink& l : m.aliases) {
        const size_t r = first_ref_of[a] + l.mention;  // the link's mention
        Entity& e = drafts[root_draft[uf.Find(ref_node[r])]].e;
        if (l.alias != e.name && !std::binary_search(e.aliases.begin(), e.aliases.end(), l.alias)) {
          e.aliases.insert(std::upper_bound(e.aliases.begin(), e.aliases.end(), l.alias), l.alias);
        }
      }
    }
  }
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return std::tie(a.e.type, a.e.name) < std::tie(b.e.type, b.e.name);
  });
  // Two components may end with one name (an alias seen only in one): merge.
  Resolution out;
  std::vector<EntityId> ref_entity(refs.size());
  for (Draft& d : drafts) {
    if (!out.entities.empty() && out.entities.back().type == d.e.type &&
        out.entities.back().name == d.e.name) {
      Entity& prev = out.entities.back();
      for (auto& m : d.e.mentions) prev.mentions.push_back(std::move(m));
      std::set<std::string> al(prev.aliases.begin(), prev.aliases.end());
      al.insert(d.e.aliases.begin(), d.e.aliases.end());
      prev.aliases.assign(al.begin(), al.end());
      for (size_t r : d.refs) ref_entity[r] = prev.id;
      continue;
    }
    d.e.id = static_cast<EntityId>(out.entities.size());
    for (size_t r : d.refs) ref_entity[r] = d.e.id;
    out.entities.push_back(std::move(d.e));
  }

  // Relations.
  std::map<std::tuple<RelationType, EntityId, EntityId>, std::vector<Evidence>> rels;
  auto sentence_text = [&](size_t a, int s) -> std::string {
    const auto& ss = articles[a]->match.sentences;
    if (s < 0 || static_cast<size_t>(s) >= ss.size()) return "";
    return articles[a]->doc.text.substr(ss[s].span.begin, ss[s].span.size());
  };
  std::set<EntityId> located;  // clusters (and events) that have a location
  std::set<std::tuple<RelationType, EntityId, EntityId, size_t, int, std::string>> seen_evidence;
  auto add = [&](RelationType t, EntityId f, EntityId to, size_t a, int s,
                 const std::string& rule) {
    if (f == to) return;
    // partner is symmetric: one direction, the one seen first
    if (t == RelationType::kPartner && rels.count({t, to, f})) std::swap(f, to);
    if (t == RelationType::kLocation) located.insert(f);
    // one piece of evidence per sentence and rule
    if (!seen_evidence.emplace(t, f, to, a, s, rule).second) return;
    Evidence ev{a, sentence_text(a, s), rule};
    const auto& ss = articles[a]->match.sentences;
    if (s >= 0 && static_cast<size_t>(s) < ss.size()) {
      std::tie(ev.start, ev.end) = articles[a]->doc.offsets.ToRaw(ss[s].span);
    }
    rels[{t, f, to}].push_back(std::move(ev));
  };
  std::vector<size_t> first_ref(articles.size() + 1, 0);
  for (size_t r = 0, a = 0; a <= articles.size(); ++a) {
    while (r < refs.size() && refs[r].article < a) ++r;
    first_ref[a] = r;
  }
  std::map<std::string, EntityId> place_by_name;
  for (const Entity& e : out.entities) {
    if (e.type == EntityType::kPlace) place_by_name.emplace(e.name, e.id);
  }
  out.article_entities.resize(articles.size());
  for (size_t a = 0; a < articles.size(); ++a) {
    const MatchResult& m = articles[a]->match;
    auto ent = [&](size_t i) { return ref_entity[first_ref[a] + i]; };
    std::set<EntityId> mentioned;
    for (size_t i = 0; i < m.mentions.size(); ++i) mentioned.insert(ent(i));
    out.article_entities[a].assign(mentioned.begin(), mentioned.end());
    for (const RelationMatch& r : m.relations)
      add(r.type, ent(r.from), ent(r.to), a, r.sentence, r.rule);
    // The article's main place: the gazetteer place it names most (>= 3 times).
    std::map<EntityId, int> place_count;
    for (size_t i = 0; i < m.mentions.size(); ++i) {
      if (m.mentions[i].type == EntityType::kPlace && m.mentions[i].gazetteer >= 0)
        ++place_count[ent(i)];
    }
    EntityId main_place = 0;
    int main_count = 2;
    for (auto [id, c] : place_count) {
      if (c > main_count) {
        main_place = id;
        main_count = c;
      }
    }
    // the districts and counties the article names (for zones named after them)
    std::vector<std::pair<EntityId, std::string>> districts;
    {
      std::set<EntityId> seen;
      for (size_t j = 0; j < m.mentions.size(); ++j) {
        const Mention& y = m.mentions[j];
        if (y.type != EntityType::kPlace || y.gazetteer < 0) continue;
        const std::string& full = gz[y.gazetteer].name;
        const auto& suffixes = pack.words().district_suffix;
        if (CountChars(full) < 3 ||
            std::none_of(suffixes.begin(), suffixes.end(),
                         [&](const std::string& suf) { return EndsWith(full, suf); })) {
          continue;
        }
        if (seen.insert(ent(j)).second) districts.emplace_back(ent(j), full);
      }
    }
    for (size_t i = 0; i < m.mentions.size(); ++i) {
      const Mention& x = m.mentions[i];
      // parts of a cluster's name: its place and its industry
      if (x.type == EntityType::kIndustrialCluster) {
        bool placed = false;
        // mentions are sorted by begin (longer first): the parts follow it
        for (size_t j = i + 1; j < m.mentions.size() && m.mentions[j].span.begin < x.span.end;
             ++j) {
          const Mention& y = m.mentions[j];
          if (!x.span.Contains(y.span)) continue;
          if (y.type == EntityType::kPlace) {
            add(RelationType::kLocation, ent(i), ent(j), a, x.sentence, "structure:cluster-name");
            placed = true;
          } else if (y.type == EntityType::kIndustry) {
            add(RelationType::kIndustry, ent(i), ent(j), a, x.sentence, "structure:cluster-name");
          }
        }
        std::string place;
        if (x.rule.rfind("alias.", 0) != 0) ClusterCore(places, x.name, &place);
        if (!placed && !place.empty()) {
          if (auto it = place_by_name.find(place); it != place_by_name.end()) {
            add(RelationType::kLocation, ent(i), it->second, a, x.sentence,
                "structure:cluster-name");
            placed = true;
          }
        }
        // a cluster named without a place: the nearest known place of its
        // sentence, else the article's main place
        if (!placed && !located.count(ent(i)) && x.rule.rfind("alias.", 0) != 0) {
          int64_t best = -1, best_d = INT64_MAX;
          // the mentions of the cluster's sentence
          const Span sent = m.sentences[x.sentence].span;
          auto by_begin = [](const Mention& mm, uint32_t p) { return mm.span.begin < p; };
          const size_t lo =
              std::lower_bound(m.mentions.begin(), m.mentions.end(), sent.begin, by_begin) -
              m.mentions.begin();
          for (size_t j = lo; j < m.mentions.size() && m.mentions[j].span.begin < sent.end; ++j) {
            const Mention& y = m.mentions[j];
            if (y.type != EntityType::kPlace || y.gazetteer < 0) continue;
            if (gz[y.gazetteer].parent.empty()) continue;  // a country or region
            // a place inside another cluster's name is that cluster's
            bool inside_cluster = false;
            for (size_t k = lo; k < j; ++k) {
              inside_cluster |= m.mentions[k].type == EntityType::kIndustrialCluster &&
                                m.mentions[k].span.Contains(y.span);
            }
            if (inside_cluster) continue;
            const int64_t d = y.span.begin < x.span.begin ? int64_t{x.span.begin} - y.span.end
                                                          : int64_t{y.span.begin} - x.span.end;
            if (d < best_d) {
              best_d = d;
              best = static_cast<int64_t>(j);
            }
          }
          if (best >= 0) {
            add(RelationType::kLocation, ent(i), ent(static_cast<size_t>(best)), a, x.sentence,
                "structure:sentence-place");
          } else if (main_count > 2) {
            add(RelationType::kLocation, ent(i), main_place, a, x.sentence,
                "structure:article-place");
          }
        }
      }
      // a place named after a place it lies in: 深圳会展中心 -> 深圳, and
      // 深圳南山军民融合创新示范基地 -> 南山区 when the article names 南山区
      if (x.type == EntityType::kPlace && x.gazetteer < 0) {
        std::string lead;
        const std::string rest =
            CanonicalPlacePrefix(places, StripMarks(x.name), &lead).substr(lead.size());
        EntityId parent = 0;
        bool found = false;
        for (const auto& [id, full] : districts) {
          const std::string short_form = full.substr(0, full.size() - 3);
          if (StartsWith(rest, full) || StartsWith(rest, short_form)) {
            parent = id;
            found = true;
            break;
          }
        }
        if (!found && !lead.empty()) {
          if (auto it = place_by_name.find(lead); it != place_by_name.end()) {
            parent = it->second;
            found = true;
          }
        }
        if (found)
          add(RelationType::kContainedInPlace, ent(i), parent, a, x.sentence,
              "structure:place-name");
      }
      // a policy named after a province or city is issued there:
      // 广东省五大未来产业集群行动计划 -> 广东
      if (x.type == EntityType::kPolicy) {
        std::string lead;
        std::string name = StripMarks(x.name);
        for (const std::string& open : pack.words().topic_open) {
          if (StartsWith(name, open)) name.clear();  // 关于…: about, not from, a place
        }
        CanonicalPlacePrefix(places, name, &lead);
        if (!lead.empty()) {
          auto it = place_by_name.find(lead);
          const Entity* pe = it == place_by_name.end() ? nullptr : &out.entities[it->second];
          if (pe && pe->iri.find("/division/") != std::string::npos) {
            add(RelationType::kIssuedBy, ent(i), it->second, a, x.sentence,
                "structure:policy-name");
          }
        }
      }
    }
  }
  // containedInPlace from the gazetteer, between places the corpus names.
  for (size_t a = 0; a < articles.size(); ++a) {
    const MatchResult& m = articles[a]->match;
    for (size_t i = 0; i < m.mentions.size(); ++i) {
      const Mention& x = m.mentions[i];
      if (x.type != EntityType::kPlace || x.gazetteer < 0 || gz[x.gazetteer].parent.empty())
        continue;
      if (auto it = place_by_name.find(gz[x.gazetteer].parent); it != place_by_name.end()) {
        add(RelationType::kContainedInPlace, ref_entity[first_ref[a] + i], it->second, a,
            x.sentence, "gazetteer:parent");
      }
    }
  }
  // co-occurrence: entity pairs named in one sentence
  std::map<std::pair<EntityId, EntityId>, uint32_t> pairs;
  for (size_t a = 0; a < articles.size(); ++a) {
    const MatchResult& m = articles[a]->match;
    size_t i = 0;
    while (i < m.mentions.size()) {
      const int sent = m.mentions[i].sentence;
      std::set<EntityId> in_sentence;
      for (; i < m.mentions.size() && m.mentions[i].sentence == sent; ++i) {
        in_sentence.insert(ref_entity[first_ref[a] + i]);
      }
      for (auto x = in_sentence.begin(); x != in_sentence.end(); ++x) {
        for (auto y = std::next(x); y != in_sentence.end(); ++y) ++pairs[{*x, *y}];
      }
    }
  }
  for (const auto& [k, n] : pairs) out.cooccurrences.push_back({k.first, k.second, n});
  for (auto& [k, ev] : rels) {
    out.relations.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), std::move(ev)});
  }
  return out;
}

Resolution Resolve(const std::vector<Article>& articles, const RulePack& pack) {
  std::vector<const Article*> ptrs;
  ptrs.reserve(articles.size());
  for (const Article& a : articles) ptrs.push_back(&a);
  return Resolve(ptrs, pack);
}

}  // namespace clusterkg
