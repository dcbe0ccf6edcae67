// The match stage: gazetteer trie + RE2 rules -> mentions, aliases, relations.
#include "clusterkg/match.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "internal/byte_trie.h"
#include "internal/fast_pattern.h"
#include "internal/rule_filter.h"
#include "internal/utf8.h"

namespace clusterkg {

// What Matcher::Create prepares from the pack: the gazetteer's names in a
// byte trie (Add, then names.Freeze), the rules' groups and filters, the
// stop words by their first character.
struct Matcher::Trie {
  internal::ByteTrie names;                   // the gazetteer's names and aliases
  std::vector<std::vector<int>> terminal{1};  // per node of `names`: gazetteer entries
  // per node: 1 when some name ends there (terminal[node] not empty); kept
  // apart so that a walk reads one byte per node
  std::vector<uint8_t> ends;
  // per rule (indexed as the pack's rules): its named groups' numbers, -1
  // for none
  struct Groups {
    int name = -1, list = -1, suffix = -1, alias = -1, head = -1, target = -1, from = -1, to = -1;
  };
  std::vector<Groups> groups;
  // which rules can match a sentence (indexed as the pack's rules): entity
  // and alias rules on its text, relation rules on its masked text
  internal::RuleFilter text_filter, relation_filter;
  // the pack's stop words (indices into stop_words()) and conjunctions
  // (indices into conjunctions(), with kConjunction set) by their first
  // character (its bytes packed, internal::PackedChar), with a bitmap of
  // the keys' hashes (CharBit) to pass over most characters at once
  static constexpr uint32_t kConjunction = 0x80000000u;
  std::unordered_map<uint32_t, std::vector<uint32_t>> trim_by_char;
  std::vector<uint64_t> trim_char_bits = std::vector<uint64_t>(1024, 0);
  // every conjunction starts where a character does, so that TrimLeft's
  // scan by characters finds each place one is
  bool conjunctions_by_char = true;
  static uint32_t CharBit(uint32_t key) { return (key * 0x9E3779B1u) >> 16; }
  void AddTrimWord(std::string_view word, uint32_t index) {
    size_t len = 0;
    const uint32_t key = internal::PackedChar(word, 0, &len);
    trim_by_char[key].push_back(index);
    trim_char_bits[CharBit(key) >> 6] |= uint64_t{1} << (CharBit(key) & 63);
  }
  // The stop words and conjunctions that start with the character at
  // text[p] (p at the start of a character); *len is that character's
  // length in bytes.
  const std::vector<uint32_t>* TrimWordsAt(std::string_view text, size_t p, size_t* len) const {
    const uint32_t key = internal::PackedChar(text, p, len);
    if (!((trim_char_bits[CharBit(key) >> 6] >> (CharBit(key) & 63)) & 1)) return nullptr;
    auto it = trim_by_char.find(key);
    return it == trim_by_char.end() ? nullptr : &it->second;
  }
  // the code points some name starts with: a text position whose character
  // starts no name is passed over without a walk
  std::vector<bool> first_char = std::vector<bool>(0x110000, false);
  void Add(std::string_view key, int entry) {
    if (!key.empty()) {
      size_t len = 0;
      const int32_t cp = internal::DecodeUtf8(key, 0, &len);
      if (cp >= 0 && cp < 0x110000) first_char[cp] = true;
    }
    const uint32_t node = names.Insert(key);
    if (node >= terminal.size()) terminal.resize(node + 1);
    auto& t = terminal[node];
    if (std::find(t.begin(), t.end(), entry) == t.end()) t.push_back(entry);
  }
  // per code point below U+10000: the node its UTF-8 leads to from the
  // root, 0 when no name starts with it (filled after names.Freeze)
  std::vector<uint32_t> first_node;
  void FillFirstNodes() {
    first_node.assign(0x10000, 0);
    std::string utf8;
    for (uint32_t cp = 0; cp < 0x10000; ++cp) {
      if (!first_char[cp]) continue;
      utf8.clear();
      internal::AppendUtf8(utf8, cp);
      uint32_t node = 0;
      for (const char c : utf8) {
        node = names.Child(node, static_cast<unsigned char>(c));
        if (node == 0) break;  // (cannot be: a name starts with it)
      }
      first_node[cp] = node;
    }
  }
  // the pack's blockers (words a gazetteer name may not end inside), and
  // per node of `blockers`: 1 when one ends there
  internal::ByteTrie blockers;
  std::vector<uint8_t> blocker_ends;
  size_t longest_blocker = 0;
  // Does a blocker run across `end`, starting at or after `begin`, with
  // `end` between two of its characters?
  bool Blocked(std::string_view text, size_t begin, size_t end) const {
    if (longest_blocker < 2 || end <= begin || end >= text.size() ||
        (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      return false;
    }
    for (size_t p = end - std::min(end - begin, longest_blocker - 1); p < end; ++p) {
      uint32_t node = 0;
      for (size_t q = p; q < text.size() && q - p < longest_blocker; ++q) {
        node = blockers.Child(node, static_cast<unsigned char>(text[q]));
        if (node == 0) break;
        if (q >= end && blocker_ends[node]) return true;
      }
    }
    return false;
  }
  // Every name starting at text[pos], longest first: (end, node); `node`
  // is where the walk stands at byte `from` (0, the root, at pos).
  void All(std::string_view text, size_t pos, size_t from, uint32_t node,
           std::vector<std::pair<size_t, uint32_t>>* out) const {
    out->clear();
    if (from > pos && ends[node]) out->emplace_back(from, node);
    for (size_t i = from; i < text.size(); ++i) {
      node = names.Child(node, static_cast<unsigned char>(text[i]));
      if (node == 0) break;
      if (ends[node]) out->emplace_back(i + 1, node);
    }
    std::reverse(out->begin(), out->end());
  }
};

Matcher::~Matcher() = default;

namespace {

using internal::CountChars;

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct GazHit {
  uint32_t begin, end;
  const std::vector<int>* entries;  // Trie::terminal of the name's node
};

// Everything the rules of one article need to share.
struct Work {
  const Document* doc;
  const RulePack* pack;
  const Matcher::Trie* trie;
  std::string_view text;
  std::vector<Sentence> sentences;
  std::vector<GazHit> gaz;      // longest gazetteer match at each start
  std::vector<int> gaz_choice;  // per gaz hit: chosen entry
  std::vector<Mention> candidates;
  std::vector<int> order;  // rule order of each candidate
  MatchTrace* trace = nullptr;
  // per sentence: may[s][k] is false when rule k (entity or alias) cannot
  // match in sentence s (Trie::text_filter); filled by MayMatch
  std::vector<std::vector<char>> may;
};

// Can rule `ri` (entity or alias) match in sentence `si`?
bool MayMatch(Work& w, size_t si, size_t ri) {
  if (w.may.empty() && !w.sentences.empty()) {
    std::vector<std::pair<uint32_t, uint32_t>> parts;
    parts.reserve(w.sentences.size());
    for (const Sentence& s : w.sentences) parts.emplace_back(s.span.begin, s.span.end);
    w.trie->text_filter.PossibleEach(w.text, parts, &w.may);
  }
  return w.may[si][ri] != 0;
}

// The gazetteer hit starting at pos (index into w.gaz), or -1.
int HitAt(const Work& w, uint32_t pos) {
  auto it = std::lower_bound(w.gaz.begin(), w.gaz.end(), pos,
                             [](const GazHit& h, uint32_t p) { return h.begin < p; });
  return it != w.gaz.end() && it->begin == pos ? static_cast<int>(it - w.gaz.begin()) : -1;
}

EntityType HitType(const Work& w, int hit) { return w.pack->gazetteer()[w.gaz_choice[hit]].type; }

bool StartsKnownName(const Work& w, uint32_t pos, uint32_t end, bool place_only) {
  const int h = HitAt(w, pos);
  if (h < 0) return false;
  if (w.gaz[h].end > end) return false;
  const EntityType t = HitType(w, h);
  return t == EntityType::kPlace || (!place_only && t == EntityType::kOrganization);
}

bool CoveredByKnownName(const Work& w, uint32_t b, uint32_t e) {
  // is [b, e) strictly inside a gazetteer name that starts at or before b?
  auto it = std::upper_bound(w.gaz.begin(), w.gaz.end(), b,
                             [](uint32_t p, const GazHit& h) { return p < h.begin; });
  while (it != w.gaz.begin()) {
    --it;
    if (it->begin + 30 < b) break;
    if (it->begin == b ? it->end > e : (it->end >= e && it->end > b)) return true;
  }
  return false;
}

// Bounds a name on the left (docs/rules.md, "Trimming"). `head` is
// where the rule's head word (协会, 集群 ...) starts, or e when the rule has
// none; stop words inside the head do not count, and the body before the
// head must keep rule.min_chars characters.
// ensures: the new begin, or -1 when the name must be dropped.
int64_t TrimLeft(const Work& w, uint32_t b, uint32_t e, uint32_t head, const Rule& rule) {
  const std::string_view t = w.text;
  const auto min_chars = static_cast<size_t>(rule.min_chars);
  const bool has_head = head < e;
  auto body_ok = [&](uint32_t from) {
    return from <= head && CountChars(t.substr(from, head - from)) >=
                               (has_head ? min_chars : std::max<size_t>(min_chars, 1));
  };
  uint32_t cut = b;
  uint32_t forced = 0;  // end of a stop word in the body that cannot be cut off
  // words inside quotes or a title are part of the name ("率先杯"大赛,
  // 《面向人工智能的…规程》发布仪式)
  auto quoted = [&](size_t p) {
    const std::string_view before = t.substr(b, p - b);
    if (std::count(before.begin(), before.end(), '"') % 2 == 1) return true;
    const size_t open = before.rfind("《");
    return open != std::string_view::npos && before.find("》", open) == std::string_view::npos;
  };
  const std::string_view upto = t.substr(0, e);  // search the candidate only
  // every stop word inside the candidate, found in one pass by its first
  // character (cut and forced are maxima: the order they are met in is no
  // matter). The text is valid UTF-8: a word starts where a character does.
  const auto& stop_words = w.pack->stop_words();
  const auto& conjunctions = w.pack->conjunctions();
  // the conjunctions met on the way, in order: (where, which)
  std::vector<std::pair<uint32_t, uint32_t>> conj_at;
  for (uint32_t p = b, step = 1; p < e; p += step) {
    size_t len = 1;
    const std::vector<uint32_t>* starting = w.trie->TrimWordsAt(t, p, &len);
    step = static_cast<uint32_t>(len);
    if (!starting) continue;
    for (uint32_t k : *starting) {
      if (k & Matcher::Trie::kConjunction) {
        const uint32_t c = k & ~Matcher::Trie::kConjunction;
        if (upto.compare(p, conjunctions[c].size(), conjunctions[c]) != 0) continue;
        conj_at.emplace_back(p, c);
        continue;
      }
      const std::string& sw = stop_words[k];
      if (p + sw.size() > head || p + sw.size() >= e || upto.compare(p, sw.size(), sw) != 0) {
        continue;
      }
      const auto oe = static_cast<uint32_t>(p + sw.size());
      if (oe > cut && !CoveredByKnownName(w, p, oe) && !quoted(p)) {
        if (body_ok(oe)) {
          cut = oe;
        } else if (has_head && (sw.size() > 3 || oe == head || p == b)) {
          forced = std::max(forced, oe);  // 作为联盟: nothing of a name is left
        }
      }
    }
  }
  if (forced > cut) return -1;
  for (uint32_t c = 0; c < conjunctions.size(); ++c) {
    const std::string& cj = conjunctions[c];
    // a conjunction that opens the candidate is never part of the name
    if (t.compare(cut, cj.size(), cj) == 0 && body_ok(cut + static_cast<uint32_t>(cj.size()))) {
      cut += static_cast<uint32_t>(cj.size());
    }
    // one after which a known name starts ends the part cut off
    auto after = [&](size_t p) {
      const auto oe = static_cast<uint32_t>(p + cj.size());
      if (oe > cut && StartsKnownName(w, oe, e, false) && body_ok(oe) &&
          !CoveredByKnownName(w, static_cast<uint32_t>(p), oe)) {
        cut = oe;
      }
    };
    if (w.trie->conjunctions_by_char) {  // where the scan above met it, from cut on
      const uint32_t from = cut;
      for (const auto& [p, which] : conj_at) {
        if (which == c && p >= from && p + cj.size() < e) after(p);
      }
      continue;
    }
    for (size_t p = upto.find(cj, cut); p != std::string_view::npos && p + cj.size() < e;
         p = upto.find(cj, p + 1)) {
      after(p);
    }
  }
  if (rule.require_place && !StartsKnownName(w, cut, e, true)) {
    // short forms that stand for "this city's / province's ..."
    for (const std::string& lead : w.pack->words().short_lead) {
      if (t.compare(cut, lead.size(), lead) == 0) return cut;
    }
    for (uint32_t p = cut + 1; p < e; ++p) {
      if (StartsKnownName(w, p, e, true) && body_ok(p)) return p;
    }
    return -2;
  }
  return cut;
}

int PrefixPlace(const Work& w, uint32_t b, uint32_t e) {
  int found = -1;
  uint32_t p = b;
  while (p < e && StartsKnownName(w, p, e, true)) {
    const int h = HitAt(w, p);
    if (w.gaz[h].end >= e) break;  // the name itself is the place
    found = w.gaz_choice[h];
    p = w.gaz[h].end;
  }
  return found;
}

// Bounds and checks a rule's candidate; false (and why, for explain) when
// it is no name.
bool Accept(const Work& w, const Rule& rule, Mention& m, uint32_t head,
            const char** why = nullptr) {
  const char* ignored;
  if (!why) why = &ignored;
  const std::string_view t = w.text;
  *why = "empty name";
  if (m.span.empty()) return false;
  if (head > m.span.end || head < m.span.begin) head = m.span.end;
  *why = "it does not start with a known place (require_place)";
  if (rule.trim) {
    const int64_t nb = TrimLeft(w, m.span.begin, m.span.end, head, rule);
    if (nb == -1) *why = "a stop word inside it leaves too little of a name (trim)";
    if (nb < 0) return false;
    if (static_cast<uint32_t>(nb) != m.span.begin) {
      const size_t cut = nb - m.span.begin;
      if (m.name.compare(0, cut, t.substr(m.span.begin, cut)) == 0) m.name.erase(0, cut);
      m.span.begin = static_cast<uint32_t>(nb);
    }
  } else if (rule.require_place && !StartsKnownName(w, m.span.begin, m.span.end, true)) {
    return false;
  }
  if (rule.trim_to_place && !StartsKnownName(w, m.span.begin, m.span.end, true)) {
    for (uint32_t p = m.span.begin + 1; p < std::min(head, m.span.end); ++p) {
      if (StartsKnownName(w, p, m.span.end, true)) {
        const size_t cut = p - m.span.begin;
        if (m.name.compare(0, cut, t.substr(m.span.begin, cut)) != 0) break;
        m.name.erase(0, cut);
        m.span.begin = p;
        break;
      }
    }
  }
  // min_chars counts the body before the head word, or the whole name
  const size_t chars = head == m.span.end ? CountChars(m.name)
                                          : CountChars(t.substr(m.span.begin, head - m.span.begin));
  *why = "it has fewer than min_chars characters";
  if (chars < static_cast<size_t>(rule.min_chars)) return false;
  *why = "it matches the rule's reject pattern";
  if (rule.reject) {
    if (RE2::PartialMatch(m.name, *rule.reject)) return false;
    // also without a leading place: 深圳市战略性新兴产业集群 is as generic
    const int pp = rule.reject_without_place ? PrefixPlace(w, m.span.begin, m.span.end) : -1;
    if (pp >= 0) {
      uint32_t p = m.span.begin;
      while (p < m.span.end && StartsKnownName(w, p, m.span.end, true) &&
             w.gaz[HitAt(w, p)].end < m.span.end) {
        p = w.gaz[HitAt(w, p)].end;
      }
      const std::string rest(t.substr(p, m.span.end - p));
      if (m.name.size() >= rest.size() &&
          m.name.compare(m.name.size() - rest.size(), rest.size(), rest) == 0 &&
          RE2::PartialMatch(rest, *rule.reject)) {
        return false;
      }
    }
  }
  m.prefix_place = PrefixPlace(w, m.span.begin, m.span.end);
  m.type = rule.type;
  m.rule = rule.id;
  m.priority = rule.priority;
  m.subtype = rule.subtype;
  return true;
}

std::string StripQuotes(std::string s) {
  while (!s.empty() && (s.front() == '"' || s.front() == '\'' || s.front() == ' ')) s.erase(0, 1);
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ' ')) s.pop_back();
  return s;
}

Span SpanOf(std::string_view text, const re2::StringPiece& sp) {
  const auto b = static_cast<uint32_t>(sp.data() - text.data());
  return {b, b + static_cast<uint32_t>(sp.size())};
}

int Group(const Rule& rule, const std::string& name) {
  auto it = rule.named_captures.find(name);
  return it == rule.named_captures.end() ? -1 : it->second;
}

// The named groups of a rule of the pack (found once, by Matcher::Create).
const Matcher::Trie::Groups& GroupsOf(const Work& w, const Rule& rule) {
  return w.trie->groups[static_cast<size_t>(&rule - w.pack->rules().data())];
}

void FindGazetteer(Work& w, const Matcher::Trie& trie) {
  const std::string_view t = w.text;
  size_t i = 0, len = 0;
  std::vector<std::pair<size_t, uint32_t>> found;
  while (i < t.size()) {
    const int32_t cp = internal::DecodeUtf8(t, i, &len);
    if (cp >= 0 && cp < 0x10000 && len == (cp < 0x80 ? 1u : cp < 0x800 ? 2u : 3u)) {
      // (a character in its shortest form) the walk starts after it
      const uint32_t node = trie.first_node[static_cast<size_t>(cp)];
      if (node == 0) {
        i += len;
        continue;
      }
      trie.All(t, i, i + len, node, &found);
    } else if (cp < 0 || cp >= 0x110000 || !trie.first_char[cp]) {
      i += len;
      continue;
    } else {
      trie.All(t, i, i, 0, &found);
    }
    for (auto [end, node] : found) {
      const bool latin_start = IsAsciiAlnum(t[i]);
      const bool latin_end = IsAsciiAlnum(t[end - 1]);
      const bool ok = !(latin_start && i > 0 && IsAsciiAlnum(t[i - 1])) &&
                      !(latin_end && end < t.size() && IsAsciiAlnum(t[end])) &&
                      // not a name that ends inside a word such as 部门
                      // (教育部|门) or 市场 (深圳市|场)
                      !trie.Blocked(t, i, end);
      if (ok) {
        w.gaz.push_back(
            {static_cast<uint32_t>(i), static_cast<uint32_t>(end), &trie.terminal[node]});
        break;
      }
    }
    i += len;
  }
  // Choose among same-named entries: the one whose parent the article names.
  const auto& gz = w.pack->gazetteer();
  std::unordered_set<std::string_view> named;
  if (std::any_of(w.gaz.begin(), w.gaz.end(),
                  [](const GazHit& h) { return h.entries->size() > 1; })) {
    for (const GazHit& h : w.gaz) {
      for (int e : *h.entries) named.insert(gz[e].name);
    }
  }
  w.gaz_choice.reserve(w.gaz.size());
  for (const GazHit& h : w.gaz) {
    int choice = h.entries->front();
    if (h.entries->size() > 1) {
      for (int e : *h.entries) {
        if (!gz[e].parent.empty() && named.count(gz[e].parent)) {
          choice = e;
          break;
        }
      }
    }
    w.gaz_choice.push_back(choice);
  }
}

void AddGazetteerCandidates(Work& w) {
  const auto& gz = w.pack->gazetteer();
  for (size_t h = 0; h < w.gaz.size(); ++h) {
    const GazetteerEntry& e = gz[w.gaz_choice[h]];
    Mention m;
    m.span = {w.gaz[h].begin, w.gaz[h].end};
    m.type = e.type;
    m.name = e.name;
    m.rule = "gazetteer:" + std::string(EntityTypeName(e.type));
    m.priority = 55;
    m.gazetteer = w.gaz_choice[h];
    m.subtype = e.subtype;
    w.candidates.push_back(std::move(m));
    w.order.push_back(-1);
  }
}

void AddRuleCandidates(Work& w) {
  const std::string_view t = w.text;
  const auto& rules = w.pack->rules();
  for (size_t ri = 0; ri < rules.size(); ++ri) {
    const Rule& rule = rules[ri];
    if (rule.kind != Rule::Kind::kEntity) continue;
    const Matcher::Trie::Groups& groups = GroupsOf(w, rule);
    const int g_name = groups.name;
    const int g_list = groups.list;
    const int g_suffix = groups.suffix;
    const int g_alias = groups.alias;
    const int g_head = groups.head;
    for (size_t si = 0; si < w.sentences.size(); ++si) {
      if (!MayMatch(w, si, ri)) continue;
      const Sentence& s = w.sentences[si];
      internal::ForEachRuleMatch(
          rule, t, s.span.begin, s.span.end, true, [&](std::span<const re2::StringPiece> g) {
            const uint32_t head =
                g_head >= 0 && g[g_head].data() ? SpanOf(t, g[g_head]).begin : UINT32_MAX;
            if (g_list >= 0 && g[g_list].data() && (g_suffix < 0 || g[g_suffix].data())) {
              // coordinated names: A、B、C, with a shared suffix when there is one
              const Span list = SpanOf(t, g[g_list]);
              const std::string suffix = g_suffix >= 0
                                             ? std::string(g[g_suffix].data(), g[g_suffix].size())
                                             : std::string();
              std::vector<Span> items;
              uint32_t p = list.begin;
              while (p <= list.end) {
                size_t q = t.find("、", p);
                if (q == std::string_view::npos || q >= list.end) q = list.end;
                items.push_back({p, static_cast<uint32_t>(q)});
                p = static_cast<uint32_t>(q) + 3;
              }
              for (const Span& it : items) {
                if (!suffix.empty() &&
                    t.substr(it.begin, it.size()).find(suffix) != std::string_view::npos)
                  return;
              }
              // all items or none: a list with one item that is no name is
              // no coordinated list of names
              std::vector<Mention> expanded;
              for (size_t k = 0; k < items.size(); ++k) {
                Mention m;
                m.span = items[k];
                if (k + 1 == items.size() && !suffix.empty())
                  m.span.end = SpanOf(t, g[g_suffix]).end;
                m.name = std::string(t.substr(items[k].begin, items[k].size())) + suffix;
                Rule item_rule = rule;
                item_rule.trim = rule.trim && k == 0;
                if (!Accept(w, item_rule, m, UINT32_MAX)) return;
                expanded.push_back(std::move(m));
              }
              for (auto& m : expanded) {
                w.candidates.push_back(std::move(m));
                w.order.push_back(static_cast<int>(ri));
              }
              return;
            }
            if (g_name < 0 || !g[g_name].data()) return;
            Mention m;
            m.span = SpanOf(t, g[g_name]);
            m.name = std::string(g[g_name].data(), g[g_name].size());
            if (g_alias >= 0 && g[g_alias].data() && !g[g_alias].empty()) {
              m.aliases.push_back(StripQuotes(std::string(g[g_alias].data(), g[g_alias].size())));
            }
            const char* why = nullptr;
            if (Accept(w, rule, m, head, &why)) {
              w.candidates.push_back(std::move(m));
              w.order.push_back(static_cast<int>(ri));
            } else if (w.trace) {
              m.type = rule.type;
              m.rule = rule.id;
              w.trace->dropped.push_back({std::move(m), why});
            }
          });
    }
  }
}

int SentenceOf(const std::vector<Sentence>& ss, uint32_t pos) {
  auto it = std::upper_bound(ss.begin(), ss.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.span.end; });
  if (it == ss.end()) return static_cast<int>(ss.size()) - 1;
  return static_cast<int>(it - ss.begin());
}

// 华中科技大学与长飞光纤光缆股份有限公司: when another candidate ends right
// before a conjunction inside a longer one, the longer one starts after it.
// Candidate indices grouped by sentence: candidates of different sentences
// never overlap, so pairwise work stays within a sentence.
std::vector<std::vector<size_t>> BySentence(const Work& w) {
  std::vector<std::vector<size_t>> groups(w.sentences.size());
  for (size_t i = 0; i < w.candidates.size(); ++i) {
    const int s = SentenceOf(w.sentences, w.candidates[i].span.begin);
    if (s >= 0) groups[s].push_back(i);
  }
  return groups;
}

void SplitCoordinations(Work& w) {
  const std::string_view t = w.text;
  const auto& conj = w.pack->conjunctions();
  const auto groups = BySentence(w);
  for (const auto& group : groups)
    for (size_t i : group) {
      if (w.order[i] < 0) continue;  // gazetteer and alias candidates are exact
      Mention& c = w.candidates[i];
      uint32_t nb = c.span.begin;
      for (size_t j : group) {
        const Mention& d = w.candidates[j];
        if (j == i || d.span.begin < c.span.begin || d.span.end >= c.span.end) continue;
        if (d.type != EntityType::kOrganization && d.type != EntityType::kPlace) continue;
        for (const std::string& cj : conj) {
          if (t.compare(d.span.end, cj.size(), cj) == 0) {
            const auto after = static_cast<uint32_t>(d.span.end + cj.size());
            if (after > nb && CountChars(t.substr(after, c.span.end - after)) >= 3) nb = after;
          }
        }
      }
      if (nb == c.span.begin) continue;
      const size_t cut = nb - c.span.begin;
      if (c.name.compare(0, cut, t.substr(c.span.begin, cut)) != 0) continue;
      c.name.erase(0, cut);
      c.span.begin = nb;
      c.prefix_place = PrefixPlace(w, c.span.begin, c.span.end);
    }
}

bool NestingAllowed(const Mention& outer, const Mention& inner) {
  if (!outer.span.Contains(inner.span) || outer.span == inner.span) return false;
  if (outer.type == EntityType::kIndustrialCluster) {
    // a nickname (中国声谷) has no place or industry in it
    if (outer.rule.rfind("alias.", 0) == 0) return false;
    return inner.type == EntityType::kPlace || inner.type == EntityType::kIndustry;
  }
  if (outer.type == EntityType::kEvent) {
    return inner.type == EntityType::kPolicy || inner.type == EntityType::kOrganization;
  }
  return false;
}

// Longest first, then priority, then rule order; allowed nestings kept.
std::vector<Mention> Settle(const Work& w) {
  const std::vector<Mention>& cands = w.candidates;
  const std::vector<int>& order = w.order;
  std::vector<Mention> out;
  if (w.trace) w.trace->overlaps.clear();  // the last settling counts
  for (std::vector<size_t> idx : BySentence(w)) {
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      const Mention& x = cands[a];
      const Mention& y = cands[b];
      if (x.span.size() != y.span.size()) return x.span.size() > y.span.size();
      if (x.priority != y.priority) return x.priority > y.priority;
      if (order[a] != order[b]) return order[a] < order[b];
      return x.span.begin < y.span.begin;
    });
    const size_t first = out.size();
    for (size_t i : idx) {
      const Mention& c = cands[i];
      bool ok = true;
      for (size_t k = first; k < out.size(); ++k) {
        if (out[k].span.Overlaps(c.span) && !NestingAllowed(out[k], c)) {
          ok = false;
          if (w.trace) w.trace->overlaps.push_back({c, out[k]});
          break;
        }
      }
      if (ok) out.push_back(c);
    }
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.span.end > b.span.end;
  });
  return out;
}

void Extend(Work& w, std::vector<Mention>& ms) {
  const std::string_view t = w.text;
  for (const Rule& rule : w.pack->rules()) {
    if (rule.kind != Rule::Kind::kExtend) continue;
    const int g_name = GroupsOf(w, rule).name;
    const int n = rule.captures + 1;
    std::vector<re2::StringPiece> g(n);
    std::vector<bool> gone(ms.size(), false);
    bool changed = false;
    for (size_t i = 0; i < ms.size(); ++i) {
      Mention& m = ms[i];
      if (gone[i] || m.type != *rule.after) continue;
      const int si = SentenceOf(w.sentences, m.span.begin);
      const uint32_t send = w.sentences[si].span.end;
      const re2::StringPiece input(t.data(), send);
      if (!rule.re().Match(input, m.span.end, send, RE2::ANCHOR_START, g.data(), n)) continue;
      if (g_name < 0 || !g[g_name].data()) continue;
      const Span ext = SpanOf(t, g[g_name]);
      if (ext.begin != m.span.end || ext.empty()) continue;
      if (rule.reject && RE2::PartialMatch(g[g_name], *rule.reject)) continue;
      // an extension that runs across a verb or function word before its head
      // word is no part of the name
      const int g_head = GroupsOf(w, rule).head;
      const uint32_t head_at =
          g_head >= 0 && g[g_head].data() ? SpanOf(t, g[g_head]).begin : ext.end;
      const std::string_view ext_text = t.substr(ext.begin, head_at - ext.begin);
      bool crosses = false;
      for (const std::string& sw : w.pack->stop_words()) {
        const size_t p = ext_text.find(sw);
        if (p != std::string_view::npos &&
            !CoveredByKnownName(w, ext.begin + static_cast<uint32_t>(p),
                                ext.begin + static_cast<uint32_t>(p + sw.size()))) {
          crosses = true;
          break;
        }
      }
      if (crosses) continue;
      m.span.end = ext.end;
      m.name += std::string(g[g_name].data(), g[g_name].size());
      m.type = rule.type;
      m.rule = rule.id;
      m.gazetteer = -1;
      if (!rule.subtype.empty()) m.subtype = rule.subtype;
      // mentions the extension swallowed are gone
      // (sorted by begin: only the mentions that follow can lie in it)
      for (size_t k = i + 1; k < ms.size() && ms[k].span.begin < ext.end; ++k) {
        if (ext.Overlaps(ms[k].span) && !NestingAllowed(m, ms[k])) gone[k] = true;
      }
      changed = true;
    }
    if (!changed) continue;
    std::vector<Mention> kept;
    for (size_t i = 0; i < ms.size(); ++i) {
      if (!gone[i]) kept.push_back(std::move(ms[i]));
    }
    ms = std::move(kept);
  }
}

struct PendingAlias {
  Span target;
  std::string alias;
  Span alias_span;
  std::string rule;
};

std::vector<PendingAlias> FindAliases(Work& w, const std::vector<Mention>& ms) {
  const std::string_view t = w.text;
  std::vector<PendingAlias> out;
  const auto& rules = w.pack->rules();
  for (size_t ri = 0; ri < rules.size(); ++ri) {
    const Rule& rule = rules[ri];
    if (rule.kind != Rule::Kind::kAlias) continue;
    const int g_alias = GroupsOf(w, rule).alias;
    if (rule.alias_target == "before") {
      const int n = rule.captures + 1;
      std::vector<re2::StringPiece> g(n);
      for (const Mention& m : ms) {
        if (rule.after && m.type != *rule.after) continue;
        const int si = SentenceOf(w.sentences, m.span.begin);
        const uint32_t send = w.sentences[si].span.end;
        const re2::StringPiece input(t.data(), send);
        if (!rule.re().Match(input, m.span.end, send, RE2::ANCHOR_START, g.data(), n)) continue;
        if (!g[g_alias].data()) continue;
        std::string a = StripQuotes(std::string(g[g_alias].data(), g[g_alias].size()));
        if (CountChars(a) < 2 || a == m.name) continue;
        if (rule.reject && RE2::PartialMatch(a, *rule.reject)) continue;
        out.push_back({m.span, a, SpanOf(t, g[g_alias]), rule.id});
      }
      continue;
    }
    const int g_target = GroupsOf(w, rule).target;
    for (size_t si = 0; si < w.sentences.size(); ++si) {
      if (!MayMatch(w, si, ri)) continue;
      const Sentence& s = w.sentences[si];
      internal::ForEachRuleMatch(
          rule, t, s.span.begin, s.span.end, true, [&](std::span<const re2::StringPiece> g) {
            if (!g[g_alias].data() || !g[g_target].data()) return;
            const Span target = SpanOf(t, g[g_target]);
            auto it = std::find_if(ms.begin(), ms.end(),
                                   [&](const Mention& m) { return m.span == target; });
            if (it == ms.end()) return;
            if (rule.after && it->type != *rule.after) return;
            Span as = SpanOf(t, g[g_alias]);
            Rule bound = rule;
            bound.min_chars = std::max(2, rule.min_chars);
            const int64_t nb = TrimLeft(w, as.begin, as.end, as.end, bound);
            if (nb < 0) return;
            as.begin = static_cast<uint32_t>(nb);
            // the alias must not be part of another entity's name (names inside
            // it, such as 中国 in 中国声谷, give way to it)
            for (const Mention& m : ms) {
              if (m.span.Overlaps(as) && !as.Contains(m.span)) return;
            }
            std::string a = StripQuotes(std::string(t.substr(as.begin, as.size())));
            if (CountChars(a) < 2) return;
            if (rule.reject && RE2::PartialMatch(a, *rule.reject)) return;
            out.push_back({target, a, as, rule.id});
          });
    }
  }
  return out;
}

void AddAliasCandidates(Work& w, const std::vector<Mention>& ms,
                        const std::vector<PendingAlias>& aliases) {
  const std::string_view t = w.text;
  std::set<std::pair<std::string, EntityType>> done;  // an alias declared twice is found once
  for (const PendingAlias& a : aliases) {
    auto it = std::lower_bound(ms.begin(), ms.end(), a.target.begin,
                               [](const Mention& m, uint32_t p) { return m.span.begin < p; });
    while (it != ms.end() && it->span.begin == a.target.begin && !(it->span == a.target)) ++it;
    if (it == ms.end() || !(it->span == a.target)) continue;
    if (!done.emplace(a.alias, it->type).second) continue;
    size_t p = t.find(a.alias);
    while (p != std::string_view::npos) {
      Mention m;
      m.span = {static_cast<uint32_t>(p), static_cast<uint32_t>(p + a.alias.size())};
      m.type = it->type;
      m.name = a.alias;
      m.rule = a.rule;
      m.priority = 70;
      w.candidates.push_back(std::move(m));
      w.order.push_back(-2);
      p = t.find(a.alias, p + a.alias.size());
    }
  }
}

// Occurrences of names that other articles declared (corpus aliases).
void AddKnownAliasCandidates(Work& w, const std::vector<KnownAlias>& known) {
  const std::string_view t = w.text;
  for (const KnownAlias& k : known) {
    if (k.alias.empty()) continue;
    for (size_t p = t.find(k.alias); p != std::string_view::npos;
         p = t.find(k.alias, p + k.alias.size())) {
      Mention m;
      m.span = {static_cast<uint32_t>(p), static_cast<uint32_t>(p + k.alias.size())};
      m.type = k.type;
      m.name = k.alias;
      m.rule = "alias.corpus";
      m.priority = 70;
      w.candidates.push_back(std::move(m));
      w.order.push_back(-2);
    }
  }
}

// A sentence in which every outermost mention is one character, U+E000,
// so that relation patterns see names as atoms: "${E}作为${E}促进机构".
struct MaskedSentence {
  std::string text;
  std::vector<uint32_t> begin, end;  // per masked byte: original range
};

// requires: ms[lo, hi) are the mentions of the sentence, sorted by begin.
MaskedSentence Mask(std::string_view t, Span sent, const std::vector<Mention>& ms, size_t lo,
                    size_t hi) {
  MaskedSentence out;
  // about as long as the sentence: a mention becomes three bytes
  out.text.reserve(sent.size());
  out.begin.reserve(sent.size());
  out.end.reserve(sent.size());
  auto copy = [&](uint32_t from, uint32_t to) {
    if (to <= from) return;
    out.text.append(t.substr(from, to - from));
    for (uint32_t k = from; k < to; ++k) {
      out.begin.push_back(k);
      out.end.push_back(k + 1);
    }
  };
  uint32_t pos = sent.begin;
  for (size_t k = lo; k < hi; ++k) {
    const Mention& m = ms[k];  // sorted by begin, outer before inner
    if (m.span.begin < pos || !sent.Contains(m.span)) continue;
    copy(pos, m.span.begin);
    out.text += "\xEE\x80\x80";
    for (int k = 0; k < 3; ++k) {
      out.begin.push_back(m.span.begin);
      out.end.push_back(m.span.end);
    }
    pos = m.span.end;
  }
  copy(pos, sent.end);
  return out;
}

void FindRelations(Work& w, MatchResult& r) {
  const auto& ms = r.mentions;
  auto in_types = [](const Mention& m, const Slot& s) {
    return std::find(s.types.begin(), s.types.end(), m.type) != s.types.end();
  };
  std::vector<const Rule*> rules;
  for (const Rule& rule : w.pack->rules()) {
    if (rule.kind == Rule::Kind::kRelation) rules.push_back(&rule);
  }
  if (rules.empty()) return;
  const Rule* first_rule = w.pack->rules().data();
  // the mentions of sentence si are ms[lo[si], hi[si])
  const size_t n = w.sentences.size();
  std::vector<size_t> lo(n), hi(n);
  auto by_begin = [](const Mention& m, uint32_t p) { return m.span.begin < p; };
  // the masked sentences one after another, for the filter to take at once
  std::vector<MaskedSentence> masked(n);
  std::string all;
  std::vector<std::pair<uint32_t, uint32_t>> parts(n);
  for (size_t si = 0; si < n; ++si) {
    const Span sent = w.sentences[si].span;
    lo[si] = std::lower_bound(ms.begin(), ms.end(), sent.begin, by_begin) - ms.begin();
    hi[si] = std::lower_bound(ms.begin(), ms.end(), sent.end, by_begin) - ms.begin();
    masked[si] = Mask(w.text, sent, ms, lo[si], hi[si]);
    parts[si].first = static_cast<uint32_t>(all.size());
    all += masked[si].text;
    parts[si].second = static_cast<uint32_t>(all.size());
  }
  std::vector<std::vector<char>> mays;
  w.trie->relation_filter.PossibleEach(all, parts, &mays);
  for (size_t si = 0; si < n; ++si) {
    const Span sent = w.sentences[si].span;
    const MaskedSentence& mt = masked[si];
    if (mt.text.empty()) continue;
    const std::vector<char>& may = mays[si];
    // A slot that does not look back takes only mentions of the sentence: a
    // rule with such a slot finds nothing where no mention has its types.
    std::bitset<256> present;
    for (size_t i = lo[si]; i < hi[si]; ++i) present.set(static_cast<size_t>(ms[i].type));
    auto can_fill = [&](const Slot& slot) {
      return slot.look_back || std::any_of(slot.types.begin(), slot.types.end(), [&](EntityType t) {
               return present.test(static_cast<size_t>(t));
             });
    };
    for (const Rule* rp : rules) {
      if (!may[rp - first_rule]) continue;
      const Rule& rule = *rp;
      if (!can_fill(rule.from) || !can_fill(rule.to)) continue;
      const int g_from = GroupsOf(w, rule).from;
      const int g_to = GroupsOf(w, rule).to;
      const std::string_view mv(mt.text);
      auto original = [&](const re2::StringPiece& sp) {
        const Span s = SpanOf(mv, sp);
        if (s.empty())
          return Span{mt.begin[std::min<size_t>(s.begin, mt.begin.size() - 1)],
                      mt.begin[std::min<size_t>(s.begin, mt.begin.size() - 1)]};
        return Span{mt.begin[s.begin], mt.end[s.end - 1]};
      };
      internal::ForEachRuleMatch(
          rule, mv, 0, static_cast<uint32_t>(mv.size()), true,
          [&](std::span<const re2::StringPiece> g) {
            const Span whole = original(g[0]);
            auto fill = [&](const Slot& slot, int grp) {
              std::vector<size_t> found;
              Span area = grp >= 0 && g[grp].data() ? original(g[grp]) : sent;
              for (size_t i = lo[si]; i < hi[si]; ++i) {
                if (area.Contains(ms[i].span) && in_types(ms[i], slot)) found.push_back(i);
              }
              if (found.empty() && slot.look_back) {
                for (size_t i = lo[si]; i-- > 0;) {
                  if (ms[i].sentence + 3 < static_cast<int>(si)) break;
                  if (ms[i].span.end <= sent.begin && in_types(ms[i], slot)) {
                    found.push_back(i);
                    break;
                  }
                }
              }
              if (found.empty()) return found;
              switch (slot.pick) {
                case Pick::kFirst: return std::vector<size_t>{found.front()};
                case Pick::kLast: return std::vector<size_t>{found.back()};
                case Pick::kAll: return found;
                case Pick::kNearest: {
                  size_t best = found.front();
                  int64_t bd = INT64_MAX;
                  for (size_t i : found) {
                    const int64_t d =
                        ms[i].span.end <= whole.begin
                            ? int64_t{whole.begin} - ms[i].span.end
                            : std::abs(int64_t{ms[i].span.begin} - int64_t{whole.end}) + 1;
                    if (d < bd) {
                      bd = d;
                      best = i;
                    }
                  }
                  return std::vector<size_t>{best};
                }
              }
              return found;
            };
            const auto froms = fill(rule.from, g_from);
            const auto tos = fill(rule.to, g_to);
            for (size_t f : froms) {
              for (size_t to : tos) {
                if (f == to || ms[f].name == ms[to].name) continue;
                r.relations.push_back({rule.relation, f, to, rule.id, static_cast<int>(si)});
              }
            }
          });
    }
  }
}

// The industry a cluster is named after, as a mention inside the cluster's:
// 深圳市新一代信息通信产业集群 -> 新一代信息通信.
void AddClusterIndustries(const Work& w, std::vector<Mention>& ms) {
  const std::string_view t = w.text;
  std::vector<Mention> add;
  std::set<std::pair<uint32_t, uint32_t>> industry_spans;
  for (const Mention& m : ms) {
    if (m.type == EntityType::kIndustry) industry_spans.insert({m.span.begin, m.span.end});
  }
  for (const Mention& m : ms) {
    if (m.type != EntityType::kIndustrialCluster) continue;
    uint32_t b = m.span.begin, e = m.span.end;
    while (b < e && StartsKnownName(w, b, e, true) && w.gaz[HitAt(w, b)].end < e)
      b = w.gaz[HitAt(w, b)].end;
    // only a name of the form …集群 is named after its industry (临江激光谷
    // and 中国声谷 are nicknames); a list item's span may end before the
    // shared suffix its name has
    const auto& suffixes = w.pack->words().cluster_suffix;
    if (std::none_of(suffixes.begin(), suffixes.end(), [&](const std::string& suf) {
          return m.name.size() > suf.size() &&
                 m.name.compare(m.name.size() - suf.size(), suf.size(), suf) == 0;
        })) {
      continue;
    }
    for (const std::string& suf : suffixes) {
      if (e - b > suf.size() && t.substr(e - suf.size(), suf.size()) == suf) {
        e -= static_cast<uint32_t>(suf.size());
        break;
      }
    }
    for (const std::string& suf : w.pack->words().industry_suffix) {
      if (e - b > suf.size() && t.substr(e - suf.size(), suf.size()) == suf) {
        e -= static_cast<uint32_t>(suf.size());
        break;
      }
    }
    for (const std::string& pw : w.pack->programme_words()) {
      if (e - b > pw.size() + 3 && t.substr(b, pw.size()) == pw) {
        b += static_cast<uint32_t>(pw.size());
        break;
      }
    }
    if (CountChars(t.substr(b, e - b)) < 2) continue;
    const Span core{b, e};
    // a short core that names no known industry is a nickname (新一代集群)
    const int hit = HitAt(w, b);
    const bool known = hit >= 0 && w.gaz[hit].end == e;
    if (!known && CountChars(t.substr(b, e - b)) <= 3) continue;
    if (industry_spans.count({core.begin, core.end})) continue;
    industry_spans.insert({core.begin, core.end});
    Mention ind;
    ind.span = core;
    ind.type = EntityType::kIndustry;
    ind.name = std::string(t.substr(b, e - b));
    ind.rule = "structure:cluster-industry";
    ind.sentence = m.sentence;
    add.push_back(std::move(ind));
  }
  for (auto& m : add) ms.push_back(std::move(m));
  // 纳米 and 新材料 inside the industry 纳米新材料 are parts of its name
  std::vector<Span> cores;
  for (const Mention& m : ms) {
    if (m.type == EntityType::kIndustry && m.rule == "structure:cluster-industry")
      cores.push_back(m.span);
  }
  std::sort(cores.begin(), cores.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  auto inside_core = [&](const Span& s) {
    auto it = std::upper_bound(cores.begin(), cores.end(), s.begin,
                               [](uint32_t p, const Span& c) { return p < c.begin; });
    for (int back = 0; back < 4 && it != cores.begin(); ++back) {
      --it;
      if (it->Contains(s) && !(*it == s)) return true;
    }
    return false;
  };
  ms.erase(std::remove_if(ms.begin(), ms.end(),
                          [&](const Mention& m) {
                            return m.type == EntityType::kIndustry && inside_core(m.span);
                          }),
           ms.end());
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.span.end > b.span.end;
  });
}

}  // namespace

Result<std::shared_ptr<const Matcher>> Matcher::Create(std::shared_ptr<const RulePack> pack,
                                                       const SegmentOptions& segment) {
  if (!pack) return InvalidArgumentError("Matcher::Create: no rule pack");
  std::shared_ptr<Matcher> m(new Matcher());
  m->trie_ = std::make_unique<Trie>();
  const auto& gz = pack->gazetteer();
  for (size_t i = 0; i < gz.size(); ++i) {
    m->trie_->Add(gz[i].name, static_cast<int>(i));
    for (const auto& a : gz[i].aliases) m->trie_->Add(a, static_cast<int>(i));
  }
  m->trie_->names.Freeze();
  m->trie_->FillFirstNodes();
  m->trie_->terminal.resize(m->trie_->names.size());
  for (const auto& t : m->trie_->terminal) m->trie_->ends.push_back(t.empty() ? 0 : 1);
  for (const std::string& b : pack->blockers()) {
    if (b.empty()) continue;
    const uint32_t node = m->trie_->blockers.Insert(b);
    if (node >= m->trie_->blocker_ends.size()) m->trie_->blocker_ends.resize(node + 1, 0);
    m->trie_->blocker_ends[node] = 1;
    m->trie_->longest_blocker = std::max(m->trie_->longest_blocker, b.size());
  }
  m->trie_->blockers.Freeze();
  m->trie_->blocker_ends.resize(m->trie_->blockers.size(), 0);
  std::vector<const Rule*> text_rules, relation_rules;
  for (const Rule& r : pack->rules()) {
    const bool text = r.kind == Rule::Kind::kEntity || r.kind == Rule::Kind::kAlias;
    text_rules.push_back(text ? &r : nullptr);
    relation_rules.push_back(r.kind == Rule::Kind::kRelation ? &r : nullptr);
  }
  m->trie_->text_filter = internal::RuleFilter(text_rules);
  for (const Rule& r : pack->rules()) {
    Trie::Groups& g = m->trie_->groups.emplace_back();
    g.name = Group(r, "name");
    g.list = Group(r, "list");
    g.suffix = Group(r, "suffix");
    g.alias = Group(r, "alias");
    g.head = Group(r, "head");
    if (r.kind == Rule::Kind::kAlias) g.target = Group(r, r.alias_target);
    if (!r.from.capture.empty()) g.from = Group(r, r.from.capture);
    if (!r.to.capture.empty()) g.to = Group(r, r.to.capture);
  }
  m->trie_->relation_filter = internal::RuleFilter(relation_rules);
  const auto& sw = pack->stop_words();
  for (size_t i = 0; i < sw.size(); ++i) {
    if (!sw[i].empty()) {
      m->trie_->AddTrimWord(sw[i], static_cast<uint32_t>(i));
    }
  }
  const auto& cjs = pack->conjunctions();
  for (size_t i = 0; i < cjs.size(); ++i) {
    if (cjs[i].empty() || (static_cast<unsigned char>(cjs[i][0]) & 0xC0) == 0x80) {
      m->trie_->conjunctions_by_char = false;
    } else {
      m->trie_->AddTrimWord(cjs[i], static_cast<uint32_t>(i) | Trie::kConjunction);
    }
  }
  m->pack_ = std::move(pack);
  m->segment_ = segment;
  return std::shared_ptr<const Matcher>(std::move(m));
}

MatchResult Matcher::Match(const Document& doc, const std::vector<KnownAlias>& known,
                           MatchTrace* trace) const {
  Work w;
  w.trace = trace;
  w.doc = &doc;
  w.pack = pack_.get();
  w.trie = trie_.get();
  w.text = doc.text;
  w.sentences = Segment(doc.text, segment_);
  FindGazetteer(w, *trie_);
  AddGazetteerCandidates(w);
  AddRuleCandidates(w);
  SplitCoordinations(w);
  std::vector<Mention> first = Settle(w);
  Extend(w, first);
  std::vector<PendingAlias> aliases = FindAliases(w, first);

  MatchResult r;
  if (!aliases.empty() || !known.empty()) {
    AddAliasCandidates(w, first, aliases);
    AddKnownAliasCandidates(w, known);
    r.mentions = Settle(w);
    Extend(w, r.mentions);
  } else {
    r.mentions = std::move(first);
  }
  AddClusterIndustries(w, r.mentions);
  for (Mention& m : r.mentions) m.sentence = SentenceOf(w.sentences, m.span.begin);
  for (const PendingAlias& a : aliases) {
    // the mention at the target, else the one around it (it grew by an
    // extension), found by position among mentions sorted by begin
    auto by_begin = [](const Mention& m, uint32_t p) { return m.span.begin < p; };
    const size_t lo =
        std::lower_bound(r.mentions.begin(), r.mentions.end(), a.target.begin, by_begin) -
        r.mentions.begin();
    int64_t found = -1;
    for (size_t i = lo; i < r.mentions.size() && r.mentions[i].span.begin == a.target.begin; ++i) {
      if (r.mentions[i].span == a.target) found = static_cast<int64_t>(i);
    }
    for (size_t i = lo; found < 0 && i-- > 0 && lo - i <= 8;) {
      if (r.mentions[i].span.Contains(a.target)) found = static_cast<int64_t>(i);
    }
    for (size_t i = lo;
         found < 0 && i < r.mentions.size() && r.mentions[i].span.begin == a.target.begin; ++i) {
      if (r.mentions[i].span.Contains(a.target)) found = static_cast<int64_t>(i);
    }
    if (found >= 0) r.aliases.push_back({static_cast<size_t>(found), a.alias, a.rule});
  }
  r.sentences = std::move(w.sentences);
  w.sentences = r.sentences;
  FindRelations(w, r);
  return r;
}

}  // namespace clusterkg
