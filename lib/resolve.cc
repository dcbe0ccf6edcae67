// The resolve stage: mentions of all articles -> entities and relations.
#include "clusterkg/resolve.h"

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "internal/resolver.h"
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
  // the marks: " ' space tab (one byte), 《 》 (E3 80 8A, E3 80 8B)
  std::string out;
  out.reserve(s.size());
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    size_t n = 0;
    if (c == '"' || c == '\'' || c == ' ' || c == '\t') {
      n = 1;
    } else if (c == '\xE3' && i + 2 < s.size() && s[i + 1] == '\x80' &&
               (s[i + 2] == '\x8A' || s[i + 2] == '\x8B')) {
      n = 3;
    } else {
      continue;
    }
    out.append(s.data() + run, i - run);
    i += n - 1;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
  return out;
}

// Name lookups in the gazetteer (indexes built once by RulePack::Compile).
class Places {
 public:
  explicit Places(const RulePack& pack) : pack_(pack) {}
  // The longest gazetteer place that `s` starts with (shorter than s).
  int Prefix(std::string_view s, size_t* len) const { return pack_.LongestPlacePrefix(s, len); }
  const GazetteerEntry& entry(int i) const { return pack_.gazetteer()[i]; }
  const RulePack& pack() const { return pack_; }
  // The canonical name of a gazetteer organisation with this name, or null.
  const std::string* Organization(std::string_view name) const {
    const auto& index = pack_.OrganizationsByName();
    auto it = index.find(std::string(name));
    return it == index.end() ? nullptr : &it->second;
  }

 private:
  const RulePack& pack_;
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
      std::string canonical = CanonicalPlacePrefix(places, s, &place);
      std::string_view core = std::string_view(canonical).substr(place.size());
      for (const std::string& suf : words.legal_suffix) {
        if (EndsWith(core, suf) && core.size() > suf.size()) {
          core.remove_suffix(suf.size());
          break;
        }
      }
      if (const std::string* known = places.Organization(core); known && !known->empty())
        return *known;
      if (const std::string* known = places.Organization(s); known && !known->empty())
        return *known;
      return canonical;
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

// What pass 1 learns of one name node.
struct NodeInfo {
  bool has_ref = false;  // some mention has this node
  EntityType type = EntityType::kOrganization;
  std::set<std::string> names;
  int gazetteer = -1;                 // the smallest index
  uint64_t subtype_seq = UINT64_MAX;  // the first mention with a subtype
  std::string subtype;
  std::string best;  // the longest name a non-alias rule gives
  int best_rank = 0;
  std::vector<std::string> link_aliases;  // declared by alias links
};

// Is (rank, name) a better canonical name than (best_rank, best)? A cluster
// is best named with its place (武汉光电子信息集群, not
// 世界级光电子信息产业集群); then the longest name; then the smallest.
bool Better(int rank, const std::string& name, int best_rank, const std::string& best) {
  return best.empty() || rank > best_rank ||
         (rank == best_rank &&
          (name.size() > best.size() || (name.size() == best.size() && name < best)));
}

}  // namespace

namespace internal {

// The order of an entity's mentions: by article, then raw offsets (ties in
// the order the article gives them).
void SortMentions(std::vector<EntityMention>& mentions) {
  std::stable_sort(
      mentions.begin(), mentions.end(), [](const EntityMention& a, const EntityMention& b) {
        return std::tie(a.article, a.start, a.end) < std::tie(b.article, b.start, b.end);
      });
}

// Counts of entity pairs. Pairs are gathered in a vector and folded into a
// sorted list of (a, b, count) when the vector outgrows it: 12 bytes a
// distinct pair instead of a map node.
class PairCounts {
 public:
  void Add(EntityId a, EntityId b) {
    pending_.push_back(uint64_t{a} << 32 | b);
    if (pending_.size() >= std::max<size_t>(size_t{1} << 16, counts_.size())) {
      counts_ = Fold(counts_, pending_);
      pending_.clear();
    }
  }
  // Every pair with its count, ordered by (a, b); leaves none.
  std::vector<CoOccurrence> Take() {
    std::vector<CoOccurrence> out = Fold(counts_, pending_);
    counts_ = {};
    pending_ = {};
    return out;
  }

 private:
  static std::vector<CoOccurrence> Fold(const std::vector<CoOccurrence>& counts,
                                        std::vector<uint64_t>& pending) {
    std::sort(pending.begin(), pending.end());
    std::vector<CoOccurrence> out;
    out.reserve(counts.size() + pending.size());
    auto key = [](const CoOccurrence& c) { return uint64_t{c.a} << 32 | c.b; };
    constexpr uint64_t kEnd = UINT64_MAX;  // never a pair: a < b
    size_t i = 0, j = 0;
    while (i < counts.size() || j < pending.size()) {
      const uint64_t ki = i < counts.size() ? key(counts[i]) : kEnd;
      const uint64_t k = std::min(ki, j < pending.size() ? pending[j] : kEnd);
      uint32_t n = ki == k ? counts[i++].count : 0;
      for (; j < pending.size() && pending[j] == k; ++j) ++n;
      out.push_back({static_cast<EntityId>(k >> 32), static_cast<EntityId>(k), n});
    }
    out.shrink_to_fit();
    return out;
  }
  std::vector<CoOccurrence> counts_;
  std::vector<uint64_t> pending_;
};

struct Resolver::State {
  explicit State(const RulePack& p) : pack(p), places(p) {}
  const RulePack& pack;
  Places places;
  UnionFind uf;
  std::unordered_map<std::string, uint32_t> key_node;  // "type|key" -> node
  std::vector<NodeInfo> info;                          // per node
  uint64_t seq = 0;                                    // mentions seen in pass 1
  // after FinishNames
  std::vector<Entity> entities;
  std::vector<EntityId> root_entity;  // per node that is a root with mentions
  std::map<std::string, EntityId> place_by_name;
  // pass 2
  struct KeyHash {
    size_t operator()(const RelationKey& k) const {
      uint64_t x = (uint64_t{std::get<1>(k)} << 32 | std::get<2>(k)) +
                   static_cast<uint64_t>(std::get<0>(k)) * 0x9E3779B97F4A7C15u;
      x = (x ^ (x >> 31)) * 0xBF58476D1CE4E5B9u;
      return static_cast<size_t>(x ^ (x >> 29));
    }
  };
  std::unordered_set<RelationKey, KeyHash> rel_keys;  // sorted when taken
  std::vector<char> located;  // per entity: a cluster (or event) with a location
  PairCounts pairs;

  // per type: a name -> its node (the NameKey of the same name is the
  // same: a name met again skips it)
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
  };
  std::vector<std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>>> name_node;

  uint32_t Node(EntityType t, std::string_view name) {
    const auto ti = static_cast<size_t>(t);
    if (ti >= name_node.size()) name_node.resize(ti + 1);
    auto& names = name_node[ti];
    if (auto known = names.find(name); known != names.end()) return known->second;
    const std::string n_name(name);
    std::string k = std::to_string(static_cast<int>(t)) + "|" + NameKey(places, t, n_name);
    auto it = key_node.find(k);
    uint32_t n = 0;
    if (it != key_node.end()) {
      n = it->second;
    } else {
      n = static_cast<uint32_t>(uf.Add());
      key_node.emplace(std::move(k), n);
      info.emplace_back();
      info.back().type = t;
    }
    names.emplace(n_name, n);
    return n;
  }
  EntityId EntityOf(uint32_t node) { return root_entity[uf.Find(node)]; }
};

Resolver::Resolver(const RulePack& pack) : s_(std::make_unique<State>(pack)) {}
Resolver::~Resolver() = default;

std::vector<uint32_t> Resolver::AddNames(const Article& art) {
  State& st = *s_;
  const Places& places = st.places;
  const auto& gz = st.pack.gazetteer();
  UnionFind& uf = st.uf;
  const MatchResult& m = art.match;
  std::vector<uint32_t> nodes(m.mentions.size());
  for (size_t i = 0; i < m.mentions.size(); ++i) {
    const Mention& x = m.mentions[i];
    nodes[i] = st.Node(x.type, x.name);
    if (x.gazetteer >= 0) uf.Union(nodes[i], st.Node(x.type, gz[x.gazetteer].name));
    for (const auto& al : x.aliases) uf.Union(nodes[i], st.Node(x.type, al));
    // what the mention tells of its entity's names
    NodeInfo& n = st.info[nodes[i]];
    const uint64_t seq = st.seq++;
    n.has_ref = true;
    n.names.insert(x.name);
    for (const auto& al : x.aliases) n.names.insert(al);
    if (x.gazetteer >= 0 && (n.gazetteer < 0 || x.gazetteer < n.gazetteer)) {
      n.gazetteer = x.gazetteer;
    }
    if (!x.subtype.empty() && seq < n.subtype_seq) {
      n.subtype_seq = seq;
      n.subtype = x.subtype;
    }
    const bool alias_rule = x.rule.rfind("alias.", 0) == 0;
    const int rank = x.type == EntityType::kIndustrialCluster && x.prefix_place >= 0 ? 1 : 0;
    if (!alias_rule && Better(rank, x.name, n.best_rank, n.best)) {
      n.best = x.name;
      n.best_rank = rank;
    }
    // the original surface (traditional characters, full width) is a name too
    const auto [rb, re] = art.doc.offsets.ToRaw(x.span);
    const std::string_view text = std::string_view(art.doc.raw).substr(rb, re - rb);
    if (text != x.name && text.find_first_of("<>&\n") == std::string_view::npos) {
      n.names.emplace(text);
    }
  }
  for (const AliasLink& l : m.aliases) {
    uf.Union(nodes[l.mention], st.Node(m.mentions[l.mention].type, l.alias));
    // once each: an alias an article declares again does not grow the state
    auto& links = st.info[nodes[l.mention]].link_aliases;
    if (std::find(links.begin(), links.end(), l.alias) == links.end()) links.push_back(l.alias);
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
  return nodes;
}

void Resolver::FinishNames() {
  State& st = *s_;
  const auto& gz = st.pack.gazetteer();
  // Components -> entities, in the order of their roots.
  std::map<size_t, NodeInfo> comps;  // root -> what its nodes tell
  for (size_t n = 0; n < st.info.size(); ++n) {
    NodeInfo& x = st.info[n];
    if (!x.has_ref && x.link_aliases.empty()) continue;
    const size_t root = st.uf.Find(n);
    NodeInfo& c = comps[root];
    if (x.has_ref && !c.has_ref) c.type = x.type;
    c.has_ref |= x.has_ref;
    c.names.merge(x.names);
    if (x.gazetteer >= 0 && (c.gazetteer < 0 || x.gazetteer < c.gazetteer)) {
      c.gazetteer = x.gazetteer;
    }
    if (x.subtype_seq < c.subtype_seq) {
      c.subtype_seq = x.subtype_seq;
      c.subtype = std::move(x.subtype);
    }
    if (!x.best.empty() && Better(x.best_rank, x.best, c.best_rank, c.best)) {
      c.best = std::move(x.best);
      c.best_rank = x.best_rank;
    }
    for (std::string& al : x.link_aliases) c.link_aliases.push_back(std::move(al));
    x = NodeInfo{};  // what was learnt now lives in the component
  }
  const size_t nodes = st.info.size();
  st.info.clear();  // (before the entities are made: less at the peak)
  st.info.shrink_to_fit();
  // pass 1 only
  std::unordered_map<std::string, uint32_t>().swap(st.key_node);
  decltype(st.name_node)().swap(st.name_node);
  struct Draft {
    Entity e;
    size_t root;
  };
  std::vector<Draft> drafts;
  for (auto it = comps.begin(); it != comps.end(); it = comps.erase(it)) {
    auto& [root, c] = *it;
    if (!c.has_ref) continue;
    Draft d{{}, root};
    d.e.type = c.type;
    d.e.subtype = c.subtype;
    if (c.gazetteer >= 0) {
      d.e.name = gz[c.gazetteer].name;
      d.e.iri = gz[c.gazetteer].iri;
      for (const auto& al : gz[c.gazetteer].aliases) c.names.insert(al);
      if (d.e.subtype.empty()) d.e.subtype = gz[c.gazetteer].subtype;
    } else {
      d.e.name = c.best.empty() ? *c.names.begin() : c.best;
    }
    // aliases declared by alias links, even where their text is no mention
    for (std::string& al : c.link_aliases) c.names.insert(std::move(al));
    c.names.erase(d.e.name);
    d.e.aliases.assign(c.names.begin(), c.names.end());
    drafts.push_back(std::move(d));
  }
  // (indices sorted, not the drafts: an entity is costly to move)
  std::vector<uint32_t> order(drafts.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(drafts[a].e.type, drafts[a].e.name) <
           std::tie(drafts[b].e.type, drafts[b].e.name);
  });
  // Two components may end with one name (an alias seen only in one): merge.
  st.root_entity.assign(nodes, 0);
  st.entities.reserve(st.entities.size() + drafts.size());
  for (const uint32_t k : order) {
    Draft& d = drafts[k];
    if (!st.entities.empty() && st.entities.back().type == d.e.type &&
        st.entities.back().name == d.e.name) {
      Entity& prev = st.entities.back();
      std::set<std::string> al(prev.aliases.begin(), prev.aliases.end());
      al.insert(d.e.aliases.begin(), d.e.aliases.end());
      prev.aliases.assign(al.begin(), al.end());
      st.root_entity[d.root] = prev.id;
      continue;
    }
    d.e.id = static_cast<EntityId>(st.entities.size());
    st.root_entity[d.root] = d.e.id;
    st.entities.push_back(std::move(d.e));
  }
  st.located.assign(st.entities.size(), 0);
  for (const Entity& e : st.entities) {
    if (e.type == EntityType::kPlace) st.place_by_name.emplace(e.name, e.id);
  }
}

const std::vector<Entity>& Resolver::entities() const { return s_->entities; }

void Resolver::AddRelations(const Article& art, size_t index, const std::vector<uint32_t>& nodes,
                            ResolveSink& sink) {
  State& st = *s_;
  const Places& places = st.places;
  const RulePack& pack = st.pack;
  const auto& gz = pack.gazetteer();
  const MatchResult& m = art.match;
  std::vector<EntityId> ent(m.mentions.size());
  for (size_t i = 0; i < m.mentions.size(); ++i) ent[i] = st.EntityOf(nodes[i]);

  for (size_t i = 0; i < m.mentions.size(); ++i) {
    const Mention& x = m.mentions[i];
    EntityMention em;
    em.article = index;
    const auto [rb, re] = art.doc.offsets.ToRaw(x.span);
    em.start = rb;
    em.end = re;
    em.text = art.doc.raw.substr(rb, re - rb);
    em.rule = x.rule;
    em.sentence = x.sentence;
    sink.Mention(ent[i], std::move(em));
  }
  {
    std::vector<EntityId> mentioned(ent);
    std::sort(mentioned.begin(), mentioned.end());
    mentioned.erase(std::unique(mentioned.begin(), mentioned.end()), mentioned.end());
    sink.ArticleEntities(index, std::move(mentioned));
  }

  // Relations.
  auto sentence_text = [&](int s) -> std::string {
    const auto& ss = m.sentences;
    if (s < 0 || static_cast<size_t>(s) >= ss.size()) return "";
    return art.doc.text.substr(ss[s].span.begin, ss[s].span.size());
  };
  std::set<std::tuple<RelationType, EntityId, EntityId, int, std::string>> seen_evidence;
  auto add = [&](RelationType t, EntityId f, EntityId to, int s, const std::string& rule,
                 int phase = 0) {
    if (f == to) return;
    // partner is symmetric: one direction, the one seen first
    if (t == RelationType::kPartner && st.rel_keys.count({t, to, f})) std::swap(f, to);
    if (t == RelationType::kLocation) st.located[f] = 1;
    // one piece of evidence per sentence and rule
    if (!seen_evidence.emplace(t, f, to, s, rule).second) return;
    clusterkg::Evidence ev{index, sentence_text(s), rule};
    const auto& ss = m.sentences;
    if (s >= 0 && static_cast<size_t>(s) < ss.size()) {
      std::tie(ev.start, ev.end) = art.doc.offsets.ToRaw(ss[s].span);
    }
    st.rel_keys.insert({t, f, to});
    sink.Evidence({t, f, to}, phase, std::move(ev));
  };
  for (const RelationMatch& r : m.relations)
    add(r.type, ent[r.from], ent[r.to], r.sentence, r.rule);
  // The article's main place: the gazetteer place it names most (>= 3 times).
  std::map<EntityId, int> place_count;
  for (size_t i = 0; i < m.mentions.size(); ++i) {
    if (m.mentions[i].type == EntityType::kPlace && m.mentions[i].gazetteer >= 0)
      ++place_count[ent[i]];
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
      if (seen.insert(ent[j]).second) districts.emplace_back(ent[j], full);
    }
  }
  for (size_t i = 0; i < m.mentions.size(); ++i) {
    const Mention& x = m.mentions[i];
    // parts of a cluster's name: its place and its industry
    if (x.type == EntityType::kIndustrialCluster) {
      bool placed = false;
      // mentions are sorted by begin (longer first): the parts follow it
      for (size_t j = i + 1; j < m.mentions.size() && m.mentions[j].span.begin < x.span.end; ++j) {
        const Mention& y = m.mentions[j];
        if (!x.span.Contains(y.span)) continue;
        if (y.type == EntityType::kPlace) {
          add(RelationType::kLocation, ent[i], ent[j], x.sentence, "structure:cluster-name");
          placed = true;
        } else if (y.type == EntityType::kIndustry) {
          add(RelationType::kIndustry, ent[i], ent[j], x.sentence, "structure:cluster-name");
        }
      }
      std::string place;
      if (x.rule.rfind("alias.", 0) != 0) ClusterCore(places, x.name, &place);
      if (!placed && !place.empty()) {
        if (auto it = st.place_by_name.find(place); it != st.place_by_name.end()) {
          add(RelationType::kLocation, ent[i], it->second, x.sentence, "structure:cluster-name");
          placed = true;
        }
      }
      // a cluster named without a place: the nearest known place of its
      // sentence, else the article's main place
      if (!placed && !st.located[ent[i]] && x.rule.rfind("alias.", 0) != 0) {
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
          add(RelationType::kLocation, ent[i], ent[static_cast<size_t>(best)], x.sentence,
              "structure:sentence-place");
        } else if (main_count > 2) {
          add(RelationType::kLocation, ent[i], main_place, x.sentence, "structure:article-place");
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
        if (auto it = st.place_by_name.find(lead); it != st.place_by_name.end()) {
          parent = it->second;
          found = true;
        }
      }
      if (found)
        add(RelationType::kContainedInPlace, ent[i], parent, x.sentence, "structure:place-name");
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
        auto it = st.place_by_name.find(lead);
        const Entity* pe = it == st.place_by_name.end() ? nullptr : &st.entities[it->second];
        if (pe && pe->iri.find("/division/") != std::string::npos) {
          add(RelationType::kIssuedBy, ent[i], it->second, x.sentence, "structure:policy-name");
        }
      }
    }
  }
  // containedInPlace from the gazetteer, between places the corpus names
  // (phase 1: after every other piece of evidence of the relation)
  for (size_t i = 0; i < m.mentions.size(); ++i) {
    const Mention& x = m.mentions[i];
    if (x.type != EntityType::kPlace || x.gazetteer < 0 || gz[x.gazetteer].parent.empty()) continue;
    if (auto it = st.place_by_name.find(gz[x.gazetteer].parent); it != st.place_by_name.end()) {
      add(RelationType::kContainedInPlace, ent[i], it->second, x.sentence, "gazetteer:parent", 1);
    }
  }
  // co-occurrence: entity pairs named in one sentence
  size_t i = 0;
  while (i < m.mentions.size()) {
    const int sent = m.mentions[i].sentence;
    std::set<EntityId> in_sentence;
    for (; i < m.mentions.size() && m.mentions[i].sentence == sent; ++i) {
      in_sentence.insert(ent[i]);
    }
    for (auto x = in_sentence.begin(); x != in_sentence.end(); ++x) {
      for (auto y = std::next(x); y != in_sentence.end(); ++y) st.pairs.Add(*x, *y);
    }
  }
}

std::vector<RelationKey> Resolver::TakeRelationKeys() {
  std::vector<RelationKey> out(s_->rel_keys.begin(), s_->rel_keys.end());
  std::unordered_set<RelationKey, State::KeyHash>().swap(s_->rel_keys);
  std::vector<char>().swap(s_->located);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<CoOccurrence> Resolver::TakeCoOccurrences() { return s_->pairs.Take(); }

}  // namespace internal

namespace {

// Keeps what pass 2 gives, for a Resolution in memory.
class MemorySink : public internal::ResolveSink {
 public:
  MemorySink(Resolution& out) : out_(out) {}  // NOLINT
  void Mention(EntityId e, EntityMention&& m) override {
    out_.entities[e].mentions.push_back(std::move(m));
  }
  void ArticleEntities(size_t a, std::vector<EntityId>&& ids) override {
    out_.article_entities[a] = std::move(ids);
  }
  void Evidence(const internal::RelationKey& key, int phase, clusterkg::Evidence&& ev) override {
    evidence_[key][phase].push_back(std::move(ev));
  }
  std::map<internal::RelationKey, std::array<std::vector<clusterkg::Evidence>, 2>>& evidence() {
    return evidence_;
  }

 private:
  Resolution& out_;
  std::map<internal::RelationKey, std::array<std::vector<clusterkg::Evidence>, 2>> evidence_;
};

}  // namespace

Resolution Resolve(const std::vector<const Article*>& articles, const RulePack& pack) {
  internal::Resolver r(pack);
  std::vector<std::vector<uint32_t>> nodes;
  nodes.reserve(articles.size());
  for (const Article* a : articles) nodes.push_back(r.AddNames(*a));
  r.FinishNames();
  Resolution out;
  out.entities = r.entities();
  out.article_entities.resize(articles.size());
  MemorySink sink(out);
  for (size_t a = 0; a < articles.size(); ++a) r.AddRelations(*articles[a], a, nodes[a], sink);
  for (Entity& e : out.entities) internal::SortMentions(e.mentions);
  for (auto& [k, ev] : sink.evidence()) {
    Relation rel{std::get<0>(k), std::get<1>(k), std::get<2>(k), std::move(ev[0])};
    for (auto& x : ev[1]) rel.evidence.push_back(std::move(x));
    out.relations.push_back(std::move(rel));
  }
  out.cooccurrences = r.TakeCoOccurrences();
  return out;
}

Resolution Resolve(const std::vector<Article>& articles, const RulePack& pack) {
  std::vector<const Article*> ptrs;
  ptrs.reserve(articles.size());
  for (const Article& a : articles) ptrs.push_back(&a);
  return Resolve(ptrs, pack);
}

}  // namespace clusterkg
