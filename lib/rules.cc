// Rule packs: YAML rules and TSV gazetteers -> compiled RulePack.
#include "clusterkg/rules.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <deque>
#include <functional>
#include <mutex>
#include <set>
#include <sstream>

#include "clusterkg/normalize.h"
#include "internal/byte_trie.h"
#include "internal/fast_pattern.h"
#include "internal/head_pattern.h"
#include "internal/lazy_re.h"
#include "internal/re_options.h"
#include "internal/utf8.h"

namespace clusterkg {
namespace {

constexpr std::string_view kEntityNames[] = {"Organization", "Place", "Policy", "IndustrialCluster",
                                             "Industry",     "Event", "Person", "Publication"};
constexpr std::string_view kRelationNames[] = {
    "location", "containedInPlace", "promotionAgency", "leadingEnterprise",
    "issuedBy", "industry",         "partner"};

// Entity types and relations declared by packs (types:, relations:), for
// the life of the process: a name keeps its value whatever pack declared it.
// Entries are never removed, so names handed out stay valid.
struct Declared {
  std::string name;
  std::string term;  // JSON-LD class or property
};
std::mutex declared_mu;
std::deque<Declared> declared_types, declared_relations;

// Registers a declared name; "" on success, else why not.
std::string Declare(std::deque<Declared>& list, size_t builtin, size_t max, const std::string& name,
                    const std::string& term,
                    const std::function<bool(const std::string&)>& is_builtin) {
  if (is_builtin(name)) return "\"" + name + "\" is built in";
  std::lock_guard lock(declared_mu);
  for (const Declared& d : list) {
    if (d.name != name) continue;
    if (d.term == term) return "";
    return "\"" + name + "\" was declared before as " + d.term;
  }
  if (builtin + list.size() >= max) return "too many declared names";
  list.push_back({name, term});
  return "";
}

bool IsIdentifier(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// A JSON-LD term: ckg:Name, schema:Name or an absolute http(s) IRI.
bool IsTerm(const std::string& s) {
  for (std::string_view prefix : {"ckg:", "schema:"}) {
    if (s.rfind(prefix, 0) == 0) return IsIdentifier(s.substr(prefix.size()));
  }
  return (s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0) &&
         s.find_first_of(" \t\"<>") == std::string::npos;
}

// Collects problems as "file:line: id: message".
class Problems {
 public:
  void Add(const std::string& file, int line, const std::string& id, const std::string& msg) {
    std::ostringstream s;
    s << file << ":" << line << ": ";
    if (!id.empty()) s << id << ": ";
    s << msg;
    lines_.push_back(s.str());
  }
  bool empty() const { return lines_.empty(); }
  const std::vector<std::string>& lines() const { return lines_; }
  std::string Join() const {
    std::string out;
    for (const auto& l : lines_) out += (out.empty() ? "" : "\n") + l;
    return out;
  }

 private:
  std::vector<std::string> lines_;
};

std::string ExpandMacros(const std::string& pattern,
                         const std::map<std::string, std::string>& macros, std::string* unknown) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '$' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
      const size_t close = pattern.find('}', i + 2);
      if (close != std::string::npos) {
        const std::string name = pattern.substr(i + 2, close - i - 2);
        auto it = macros.find(name);
        if (it == macros.end()) {
          *unknown = name;
          out += pattern.substr(i, close - i + 1);
        } else {
          out += it->second;
        }
        i = close + 1;
        continue;
      }
    }
    out += pattern[i++];
  }
  return out;
}

// The key of RulePack::place_lengths_: the first character's bytes.
uint32_t FirstCharKey(std::string_view s) {
  size_t len = 0;
  return internal::PackedChar(s, 0, &len);
}

std::shared_ptr<const RE2> CompileRe(const std::string& pattern, std::string* error) {
  auto re = std::make_shared<const RE2>(pattern, internal::RuleReOptions());
  if (!re->ok()) {
    *error = re->error();
    if (!re->error_arg().empty()) *error += " (at \"" + re->error_arg() + "\")";
  }
  return re;
}

bool ParseSlot(const YAML::Node& n, Slot* slot, std::string* err) {
  if (!n.IsMap()) {
    *err = "slot must be a map with capture, types, pick";
    return false;
  }
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    if (key == "capture") {
      slot->capture = kv.second.as<std::string>();
    } else if (key == "types") {
      for (const auto& t : kv.second) {
        auto et = ParseEntityType(t.as<std::string>());
        if (!et) {
          *err = "unknown entity type \"" + t.as<std::string>() + "\" in slot";
          return false;
        }
        slot->types.push_back(*et);
      }
    } else if (key == "pick") {
      const std::string p = kv.second.as<std::string>();
      if (p == "first")
        slot->pick = Pick::kFirst;
      else if (p == "last")
        slot->pick = Pick::kLast;
      else if (p == "all")
        slot->pick = Pick::kAll;
      else if (p == "nearest")
        slot->pick = Pick::kNearest;
      else {
        *err = "pick must be first, last, all or nearest, not \"" + p + "\"";
        return false;
      }
    } else if (key == "look_back") {
      slot->look_back = kv.second.as<bool>();
    } else {
      *err = "unknown slot key \"" + key + "\"";
      return false;
    }
  }
  if (slot->types.empty()) {
    *err = "slot needs at least one type";
    return false;
  }
  return true;
}

void ParseRule(const YAML::Node& n, const std::string& file,
               const std::map<std::string, std::string>& macros, std::vector<Rule>& out,
               std::map<std::string, std::string>& seen_ids, Problems& problems, bool lenient) {
  Rule r;
  r.file = file;
  r.line = n.Mark().line + 1;
  if (!n.IsMap()) {
    problems.Add(file, r.line, "", "a rule must be a map");
    return;
  }
  if (n["id"] && n["id"].IsScalar()) r.id = n["id"].as<std::string>();
  if (r.id.empty()) {
    problems.Add(file, r.line, "", "rule has no id");
    return;
  }
  const std::string where = file + ":" + std::to_string(r.line);
  if (auto [it, fresh] = seen_ids.emplace(r.id, where); !fresh) {
    problems.Add(file, r.line, r.id, "duplicate id (first defined at " + it->second + ")");
  }
  bool ok = true;
  auto fail = [&](const YAML::Node& at, const std::string& msg) {
    problems.Add(file, at.Mark().line + 1, r.id, msg);
    ok = false;
  };
  std::string type_name, kind = "entity";
  std::string reject;
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    try {
      if (key == "id") {
      } else if (key == "kind") {
        kind = v.as<std::string>();
      } else if (key == "type") {
        type_name = v.as<std::string>();
      } else if (key == "after") {
        auto t = ParseEntityType(v.as<std::string>());
        if (!t)
          fail(v, "unknown entity type \"" + v.as<std::string>() + "\"");
        else
          r.after = *t;
      } else if (key == "relation") {
        auto t = ParseRelationType(v.as<std::string>());
        if (!t)
          fail(v, "unknown relation \"" + v.as<std::string>() + "\"");
        else
          r.relation = *t;
      } else if (key == "pattern") {
        r.pattern = v.as<std::string>();
      } else if (key == "priority") {
        r.priority = v.as<int>();
      } else if (key == "trim") {
        r.trim = v.as<bool>();
      } else if (key == "require_place") {
        r.require_place = v.as<bool>();
      } else if (key == "subtype") {
        r.subtype = v.as<std::string>();
      } else if (key == "reject") {
        reject = v.as<std::string>();
      } else if (key == "trim_to_place") {
        r.trim_to_place = v.as<bool>();
      } else if (key == "reject_without_place") {
        r.reject_without_place = v.as<bool>();
      } else if (key == "min_chars") {
        r.min_chars = v.as<int>();
      } else if (key == "target") {
        r.alias_target = v.as<std::string>();
      } else if (key == "from" || key == "to") {
        std::string err;
        if (!ParseSlot(v, key == "from" ? &r.from : &r.to, &err)) fail(v, err);
      } else if (key == "examples") {
        if (!v.IsSequence()) fail(v, "examples is a list of {text, name} or {text, from, to}");
        for (const auto& e : v) {
          RuleExample x;
          x.line = e.Mark().line + 1;
          if (e.IsMap() && e["text"]) {
            for (const auto& f : e) {
              const std::string k = f.first.as<std::string>();
              std::string* dst = k == "text"   ? &x.text
                                 : k == "name" ? &x.name
                                 : k == "from" ? &x.from
                                 : k == "to"   ? &x.to
                                               : nullptr;
              if (dst)
                *dst = f.second.as<std::string>();
              else
                fail(f.first, "unknown example key \"" + k + "\"");
            }
            r.examples.push_back(std::move(x));
          } else {
            fail(e, "an example needs text (and name, or from and to)");
          }
        }
      } else if (key == "counter_examples") {
        if (!v.IsSequence()) fail(v, "counter_examples is a list of sentences");
        for (const auto& e : v) {
          RuleExample x;
          x.line = e.Mark().line + 1;
          x.text = e.as<std::string>();
          r.counter_examples.push_back(std::move(x));
        }
      } else if (key == "note") {
      } else {
        fail(kv.first, "unknown key \"" + key + "\"");
      }
    } catch (const YAML::Exception& e) {
      fail(v, "bad value for " + key + ": " + e.msg);
    }
  }
  if (kind == "entity")
    r.kind = Rule::Kind::kEntity;
  else if (kind == "extend")
    r.kind = Rule::Kind::kExtend;
  else if (kind == "alias")
    r.kind = Rule::Kind::kAlias;
  else if (kind == "relation")
    r.kind = Rule::Kind::kRelation;
  else
    fail(n, "unknown kind \"" + kind + "\"");
  if (r.kind == Rule::Kind::kEntity || r.kind == Rule::Kind::kExtend) {
    auto t = ParseEntityType(type_name);
    if (!t)
      fail(n, type_name.empty() ? "rule has no type" : "unknown entity type \"" + type_name + "\"");
    else
      r.type = *t;
  }
  if (r.kind == Rule::Kind::kExtend && !r.after) fail(n, "an extend rule needs after: TYPE");
  for (const RuleExample& x : r.examples) {
    if (r.kind == Rule::Kind::kRelation ? x.from.empty() || x.to.empty() : x.name.empty()) {
      problems.Add(file, x.line, r.id,
                   r.kind == Rule::Kind::kRelation ? "a relation rule's example needs from and to"
                                                   : "an example needs name");
      ok = false;
    }
  }
  if (r.pattern.empty()) {
    fail(n, "rule has no pattern");
    return;
  }
  std::string unknown;
  r.pattern = ExpandMacros(r.pattern, macros, &unknown);
  if (!unknown.empty()) fail(n["pattern"], "unknown macro ${" + unknown + "}");
  std::string err;
  // A head-anchored form does not depend on a bound worth rewriting.
  // Where the fast form rewrites bounds, the pattern as written is
  // compiled on first use only: most of the time of compiling a pack went
  // into those, with their copies of each bounded character. It compiles
  // when its fast form does (MakeFastPattern leaves alone what RE2 would
  // refuse: counts over 1000, bounds inside repeated groups), but for a
  // program too big for RE2's memory budget, which `rules check` reports.
  std::shared_ptr<const RE2> original;
  std::shared_ptr<const internal::HeadPattern> head;
  std::shared_ptr<const internal::SpanGroups> span;
  if (internal::FastPattern fp; internal::MakeFastPattern(r.pattern, &fp)) {
    std::string fast_err;
    auto fast_re = CompileRe(fp.pattern, &fast_err);
    const int ngroups = static_cast<int>(fp.group.size()) - 1;
    // used only when it compiles and numbers the groups as the scanner says
    if (fast_err.empty() &&
        fast_re->NumberOfCapturingGroups() == ngroups + static_cast<int>(fp.bounds.size())) {
      r.captures = ngroups;
      for (const auto& [name, k] : fast_re->NamedCapturingGroups()) {
        const auto at = std::find(fp.group.begin(), fp.group.end(), k);
        if (at != fp.group.end()) r.named_captures[name] = static_cast<int>(at - fp.group.begin());
      }
      if (ngroups == 2) head = internal::HeadPattern::Make(r.pattern);
      if (!head) span = internal::SpanGroups::Make(r.pattern, ngroups, &fp);
      r.fast = std::make_shared<const Rule::Fast>(
          Rule::Fast{std::move(fast_re), std::move(fp.group), std::move(fp.bounds), std::move(head),
                     std::move(span)});
    }
  }
  if (!r.fast || lenient) {
    original = CompileRe(r.pattern, &err);
    if (!err.empty()) {
      fail(n["pattern"], "bad pattern: " + err);
      return;
    }
  }
  if (!r.fast) {
    r.captures = original->NumberOfCapturingGroups();
    r.named_captures = original->NamedCapturingGroups();
    if (r.captures == 2) head = internal::HeadPattern::Make(r.pattern);
    if (!head) span = internal::SpanGroups::Make(r.pattern, r.captures);
    if (head || span) {  // the pattern as written, with no bound to check
      std::vector<int> same(r.captures + 1);
      for (int k = 0; k <= r.captures; ++k) same[k] = k;
      r.fast = std::make_shared<const Rule::Fast>(
          Rule::Fast{original, std::move(same), {}, std::move(head), std::move(span)});
    }
  }
  r.compiled = original ? std::make_shared<const internal::LazyRe>(std::move(original))
                        : std::make_shared<const internal::LazyRe>(r.pattern);
  if (!reject.empty()) {
    reject = ExpandMacros(reject, macros, &unknown);
    r.reject = CompileRe(reject, &err);
    if (!err.empty()) fail(n["reject"], "bad reject pattern: " + err);
  }
  const auto& groups = r.named_captures;
  auto need = [&](const std::string& g) {
    if (!g.empty() && !groups.count(g))
      fail(n["pattern"], "pattern has no capture (?P<" + g + ">...)");
  };
  switch (r.kind) {
    case Rule::Kind::kEntity:
    case Rule::Kind::kExtend:
      if (!groups.count("name") && !groups.count("list")) {
        need("name");
      }
      break;
    case Rule::Kind::kAlias:
      need("alias");
      if (r.alias_target.empty()) r.alias_target = "before";
      if (r.alias_target != "before") need(r.alias_target);
      break;
    case Rule::Kind::kRelation:
      if (r.from.types.empty() || r.to.types.empty())
        fail(n, "a relation rule needs from: and to: slots");
      need(r.from.capture);
      need(r.to.capture);
      break;
  }
  if (ok) out.push_back(std::move(r));
}

// The YAML of a rule file, or null (with the problem added).
YAML::Node LoadYaml(const RuleSource& src, Problems& problems) {
  YAML::Node root;
  try {
    root = YAML::Load(src.content);
  } catch (const YAML::Exception& e) {
    problems.Add(src.name, e.mark.line + 1, "", "YAML: " + e.msg);
    return YAML::Node();
  }
  if (!root.IsMap()) {
    problems.Add(src.name, 1, "", "a rule file is a map with macros, words and rules");
    return YAML::Node();
  }
  return root;
}

// types: and relations: of a rule file, declared before any file's rules
// and gazetteer lines are read, so that those may use them.
void DeclareNames(const RuleSource& src, const YAML::Node& root, Problems& problems) {
  for (const char* key : {"types", "relations"}) {
    const YAML::Node v = root[key];
    if (!v) continue;
    const bool types = std::string_view(key) == "types";
    const char* term_key = types ? "class" : "property";
    if (!v.IsSequence()) {
      problems.Add(src.name, v.Mark().line + 1, "",
                   std::string(key) + " is a list of {name, " + term_key + "}");
      continue;
    }
    for (const auto& d : v) {
      const int line = d.Mark().line + 1;
      if (!d.IsMap() || !d["name"] || !d["name"].IsScalar()) {
        problems.Add(src.name, line, "",
                     std::string("a declaration needs name (and ") + term_key + ")");
        continue;
      }
      const std::string name = d["name"].as<std::string>();
      std::string term = "ckg:" + name;
      bool ok = true;
      for (const auto& kv : d) {
        const std::string k = kv.first.as<std::string>();
        if (k == term_key && kv.second.IsScalar()) {
          term = kv.second.as<std::string>();
        } else if (k != "name" && k != "description") {
          problems.Add(src.name, kv.first.Mark().line + 1, name, "unknown key \"" + k + "\"");
          ok = false;
        }
      }
      if (!IsIdentifier(name)) {
        problems.Add(src.name, line, name, "a name is letters, digits and _");
        continue;
      }
      if (!IsTerm(term)) {
        problems.Add(src.name, line, name,
                     std::string(term_key) + " must be ckg:Name, schema:Name or an http(s) IRI");
        continue;
      }
      if (!ok) continue;
      const std::string err =
          types ? Declare(declared_types, kEntityTypeCount, 256, name, term,
                          [](const std::string& n) {
                            return std::find(std::begin(kEntityNames), std::end(kEntityNames), n) !=
                                   std::end(kEntityNames);
                          })
                : Declare(declared_relations, kRelationTypeCount, 256, name, term,
                          [](const std::string& n) {
                            return std::find(std::begin(kRelationNames), std::end(kRelationNames),
                                             n) != std::end(kRelationNames);
                          });
      if (!err.empty()) problems.Add(src.name, line, name, err);
    }
  }
}

// The list of `words` named `name` in `table` (name, member), or null.
template <typename Words, size_t N>
std::vector<std::string>* Member(
    Words& words, const std::pair<std::string_view, std::vector<std::string> Words::*> (&table)[N],
    std::string_view name) {
  for (const auto& [n, member] : table) {
    if (n == name) return &(words.*member);
  }
  return nullptr;
}

std::vector<std::string>* WordList(WordLists& w, std::string_view name) {
  static const std::pair<std::string_view, std::vector<std::string> WordLists::*> kLists[] = {
      {"stop", &WordLists::stop},
      {"conjunction", &WordLists::conjunction},
      {"programme", &WordLists::programme},
      {"blocker", &WordLists::blocker},
      {"short_lead", &WordLists::short_lead},
      {"district_suffix", &WordLists::district_suffix},
      {"cluster_suffix", &WordLists::cluster_suffix},
      {"industry_suffix", &WordLists::industry_suffix},
      {"legal_suffix", &WordLists::legal_suffix},
      {"provisional_suffix", &WordLists::provisional_suffix},
      {"topic_open", &WordLists::topic_open}};
  return Member(w, kLists, name);
}

std::vector<std::string>* PageList(PageWords& p, std::string_view name) {
  static const std::pair<std::string_view, std::vector<std::string> PageWords::*> kLists[] = {
      {"page_chrome", &PageWords::chrome},
      {"page_chrome_start", &PageWords::chrome_start},
      {"page_copyright", &PageWords::copyright},
      {"page_copyright_sign", &PageWords::copyright_sign},
      {"page_breadcrumb_end", &PageWords::breadcrumb_end},
      {"page_related_heading", &PageWords::related_heading},
      {"page_end_of_story", &PageWords::end_of_story},
      {"page_chrome_class", &PageWords::chrome_class}};
  return Member(p, kLists, name);
}

void ParseYaml(const RuleSource& src, const YAML::Node& root,
               std::map<std::string, std::string>& macros, std::vector<Rule>& rules,
               WordLists& words, std::map<std::string, std::string>& seen_ids,
               const Normalizer& norm, Problems& problems, bool lenient) {
  for (const auto& kv : root) {
    const std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "macros") {
      for (const auto& m : v) {
        std::string unknown;
        macros[m.first.as<std::string>()] =
            ExpandMacros(m.second.as<std::string>(), macros, &unknown);
        if (!unknown.empty()) {
          problems.Add(src.name, m.second.Mark().line + 1, "", "unknown macro ${" + unknown + "}");
        }
      }
    } else if (key == "words") {
      for (const auto& w : v) {
        const std::string list = w.first.as<std::string>();
        const int line = w.first.Mark().line + 1;
        if (!w.second.IsSequence()) {
          problems.Add(src.name, line, "", "word list \"" + list + "\" is not a list");
          continue;
        }
        std::vector<std::string> items;
        for (const auto& word : w.second) items.push_back(word.as<std::string>());
        if (list == "synonym") {
          for (const std::string& item : items) {
            const size_t eq = item.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
              problems.Add(src.name, line, "", "a synonym is long=short, not \"" + item + "\"");
              continue;
            }
            words.synonym.emplace_back(norm.Normalize(item.substr(0, eq)),
                                       norm.Normalize(item.substr(eq + 1)));
          }
          continue;
        }
        if (std::vector<std::string>* page = PageList(words.page, list)) {
          page->insert(page->end(), items.begin(), items.end());  // raw input: as written
          continue;
        }
        std::vector<std::string>* dst = WordList(words, list);
        if (!dst) {
          problems.Add(src.name, line, "", "unknown word list \"" + list + "\"");
          continue;
        }
        for (const std::string& word : items) dst->push_back(norm.Normalize(word));
      }
    } else if (key == "rules") {
      for (const auto& r : v) ParseRule(r, src.name, macros, rules, seen_ids, problems, lenient);
    } else if (key == "disable") {
      // ids of rules defined by the packs before this one
      if (!v.IsSequence()) {
        problems.Add(src.name, v.Mark().line + 1, "", "disable is a list of rule ids");
        continue;
      }
      for (const auto& id : v) {
        const std::string rid = id.IsScalar() ? id.as<std::string>() : "";
        const auto it =
            std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == rid; });
        if (it == rules.end()) {
          problems.Add(src.name, id.Mark().line + 1, rid,
                       "disable: no rule with this id in the packs before this one");
        } else {
          rules.erase(it);
        }
      }
    } else if (key == "pack" || key == "version" || key == "description" || key == "types" ||
               key == "relations") {
    } else {
      problems.Add(src.name, kv.first.Mark().line + 1, "", "unknown key \"" + key + "\"");
    }
  }
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t i = 0;
  while (true) {
    const size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return out;
}

void ParseTsv(const RuleSource& src, std::vector<GazetteerEntry>& out, const Normalizer& norm,
              Problems& problems) {
  std::istringstream in(src.content);
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cols = Split(line, '\t');
    if (cols.size() < 2 || cols.size() > 6) {
      problems.Add(src.name, no, "",
                   "a gazetteer line has 2 to 6 tab-separated columns: "
                   "name, type, aliases, parent, iri, subtype");
      continue;
    }
    GazetteerEntry e;
    e.name = norm.Normalize(cols[0]);
    auto t = ParseEntityType(cols[1]);
    if (!t) {
      problems.Add(src.name, no, "", "unknown entity type \"" + cols[1] + "\"");
      continue;
    }
    e.type = *t;
    if (cols.size() > 2 && !cols[2].empty()) {
      for (auto& a : Split(cols[2], '|')) {
        if (!a.empty()) e.aliases.push_back(norm.Normalize(a));
      }
    }
    if (cols.size() > 3) e.parent = norm.Normalize(cols[3]);
    if (cols.size() > 4) e.iri = cols[4];
    if (cols.size() > 5) e.subtype = cols[5];
    if (e.name.empty()) {
      problems.Add(src.name, no, "", "empty name");
      continue;
    }
    out.push_back(std::move(e));
  }
}

}  // namespace

namespace {

// Built-in names, else the declared entry; "" for a value never declared.
template <size_t N>
std::string_view NameOf(const std::string_view (&builtin)[N], const std::deque<Declared>& declared,
                        size_t i, bool term) {
  if (i < N && !term) return builtin[i];
  if (i < N) return {};
  std::lock_guard lock(declared_mu);
  if (i - N >= declared.size()) return {};
  return term ? declared[i - N].term : declared[i - N].name;
}

template <size_t N>
std::optional<size_t> IndexOf(const std::string_view (&builtin)[N],
                              const std::deque<Declared>& declared, std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (builtin[i] == name) return i;
  }
  std::lock_guard lock(declared_mu);
  for (size_t i = 0; i < declared.size(); ++i) {
    if (declared[i].name == name) return N + i;
  }
  return std::nullopt;
}

constexpr std::string_view kEntityTerms[] = {
    "Organization", "Place", "ckg:Policy", "ckg:IndustrialCluster",
    "ckg:Industry", "Event", "Person",     "ckg:Publication"};
constexpr std::string_view kRelationTerms[] = {
    "location",     "containedInPlace", "ckg:promotionAgency", "ckg:leadingEnterprise",
    "ckg:issuedBy", "ckg:industry",     "ckg:partner"};

}  // namespace

std::string_view EntityTypeName(EntityType t) {
  return NameOf(kEntityNames, declared_types, static_cast<size_t>(t), false);
}

std::string_view EntityTypeTerm(EntityType t) {
  const auto i = static_cast<size_t>(t);
  return i < std::size(kEntityTerms) ? kEntityTerms[i]
                                     : NameOf(kEntityNames, declared_types, i, true);
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  auto i = IndexOf(kEntityNames, declared_types, name);
  if (!i) return std::nullopt;
  return static_cast<EntityType>(*i);
}

std::string_view RelationTypeName(RelationType t) {
  return NameOf(kRelationNames, declared_relations, static_cast<size_t>(t), false);
}

std::string_view RelationTypeTerm(RelationType t) {
  const auto i = static_cast<size_t>(t);
  return i < std::size(kRelationTerms) ? kRelationTerms[i]
                                       : NameOf(kRelationNames, declared_relations, i, true);
}

std::optional<RelationType> ParseRelationType(std::string_view name) {
  auto i = IndexOf(kRelationNames, declared_relations, name);
  if (!i) return std::nullopt;
  return static_cast<RelationType>(*i);
}

const RE2& Rule::re() const { return compiled->Get(); }

Result<std::shared_ptr<const RulePack>> RulePack::Compile(const std::vector<RuleSource>& sources,
                                                          const Normalizer& normalizer,
                                                          bool lenient) {
  std::shared_ptr<RulePack> pack(new RulePack());
  Problems problems;
  std::map<std::string, std::string> macros;
  std::map<std::string, std::string> seen_ids;  // rule id -> file:line
  auto is_tsv = [](const RuleSource& src) {
    return src.name.size() >= 4 && src.name.compare(src.name.size() - 4, 4, ".tsv") == 0;
  };
  // every file's types: and relations: first, so any file may use them
  std::vector<YAML::Node> roots(sources.size());
  for (size_t i = 0; i < sources.size(); ++i) {
    if (is_tsv(sources[i])) continue;
    roots[i] = LoadYaml(sources[i], problems);
    if (roots[i]) DeclareNames(sources[i], roots[i], problems);
  }
  for (size_t i = 0; i < sources.size(); ++i) {
    const RuleSource& src = sources[i];
    if (is_tsv(src)) {
      ParseTsv(src, pack->gazetteer_, normalizer, problems);
    } else if (roots[i]) {
      ParseYaml(src, roots[i], macros, pack->rules_, pack->words_, seen_ids, normalizer, problems,
                lenient);
    }
  }
  if (!problems.empty() && !lenient) return ParseError(problems.Join());
  pack->page_words_ = std::make_shared<const PageWords>(pack->words_.page);
  pack->problems_ = problems.lines();
  {
    // FNV-1a 64 over (name, size, bytes) of each source, in order
    uint64_t h = 14695981039346656037ull;
    auto mix = [&h](std::string_view s) {
      for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    };
    for (const RuleSource& src : sources) {
      mix(src.name);
      mix(std::string_view("\0", 1));
      mix(std::to_string(src.content.size()));
      mix(std::string_view("\0", 1));
      mix(src.content);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    pack->fingerprint_ = hex;
  }
  const auto& gz = pack->gazetteer_;
  for (size_t i = 0; i < gz.size(); ++i) {
    if (gz[i].type == EntityType::kOrganization) {
      pack->organizations_by_name_.emplace(gz[i].name, gz[i].name);
      for (const auto& a : gz[i].aliases) pack->organizations_by_name_.emplace(a, gz[i].name);
    }
    if (gz[i].type != EntityType::kPlace) continue;
    pack->places_by_name_.emplace(gz[i].name, static_cast<int>(i));
    pack->longest_place_name_ = std::max(pack->longest_place_name_, gz[i].name.size());
    for (const auto& a : gz[i].aliases) {
      pack->places_by_name_.emplace(a, static_cast<int>(i));
      pack->longest_place_name_ = std::max(pack->longest_place_name_, a.size());
    }
  }
  auto trie = std::make_shared<internal::ByteTrie>();
  std::vector<std::pair<uint32_t, int>> at;  // trie node, place
  for (const auto& [name, index] : pack->places_by_name_) {
    if (name.size() < 3) continue;  // never looked up
    pack->place_lengths_[FirstCharKey(name)] |= uint64_t{1} << (name.size() < 64 ? name.size() : 0);
    at.emplace_back(trie->Insert(name), pack->places_by_name_.find(name)->second);
  }
  trie->Freeze();
  pack->place_at_.assign(trie->size(), -1);
  for (const auto& [node, index] : at) pack->place_at_[node] = index;
  pack->place_trie_ = std::move(trie);
  return std::shared_ptr<const RulePack>(std::move(pack));
}

int RulePack::LongestPlacePrefix(std::string_view s, size_t* len) const {
  int found = -1;
  uint32_t node = 0;
  for (size_t d = 0; d + 1 < s.size(); ++d) {  // shorter than s
    node = place_trie_->Child(node, static_cast<unsigned char>(s[d]));
    if (node == 0) break;
    if (d + 1 >= 3 && place_at_[node] >= 0 &&
        (static_cast<unsigned char>(s[d + 1]) & 0xC0) != 0x80) {  // a character ends here
      found = place_at_[node];
      *len = d + 1;
    }
  }
  return found;
}

uint64_t RulePack::PlaceNameLengths(std::string_view s) const {
  if (s.empty()) return 0;
  auto it = place_lengths_.find(FirstCharKey(s));
  return it == place_lengths_.end() ? 0 : it->second;
}

const PageWords& BuiltinPageWords() {
  // only the words: of the built-in files, which need no normaliser
  static const PageWords words = [] {
    PageWords p;
    for (const RuleSource& src : BuiltinRuleSources()) {
      if (src.name.size() >= 4 && src.name.compare(src.name.size() - 4, 4, ".tsv") == 0) continue;
      const YAML::Node w = YAML::Load(src.content)["words"];
      if (!w || !w.IsMap()) continue;
      for (const auto& kv : w) {
        if (std::vector<std::string>* list = PageList(p, kv.first.as<std::string>())) {
          for (const auto& word : kv.second) list->push_back(word.as<std::string>());
        }
      }
    }
    return p;
  }();
  return words;
}

const Rule* RulePack::FindRule(std::string_view id) const {
  for (const Rule& r : rules_) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace clusterkg
