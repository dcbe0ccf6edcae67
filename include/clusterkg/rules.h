// File: clusterkg/rules.h
//
// Rule packs: the data that drives extraction. A pack holds
//   * entity rules: an RE2 pattern whose capture `name` (and optionally
//     `alias`, or `list` + `suffix` for coordinated names) is a mention of
//     one entity type;
//   * extension rules: tried anchored at the end of a mention of one type,
//     they lengthen it (广东省工信厅 + 规划处);
//   * alias rules: declare that a text is another name of a mention
//     (以下简称"深圳先进院", 中国声谷(合肥智能语音集群));
//   * relation rules: captures `from` and `to` whose mentions are the two
//     ends of a relation (X作为Y集群总促进机构);
//   * gazetteers: TSV lists of names with type, aliases, parent and IRI;
//   * word lists that bound names on the left (stop words, verbs).
// The format is documented in docs/rules.md. The built-in pack is
// compiled into the library from data/ and loaded by BuiltinRulePack().
//
//   auto pack = clusterkg::RulePack::Compile({clusterkg::BuiltinRuleSource()});
//   if (!pack.ok()) { for each line of pack.status().message(): report }
#ifndef CLUSTERKG_RULES_H_
#define CLUSTERKG_RULES_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clusterkg/load.h"
#include "clusterkg/status.h"

namespace re2 {
class RE2;
}

namespace clusterkg {

class Normalizer;
namespace internal {
class ByteTrie;
class HeadPattern;
class LazyRe;
class SpanGroups;
}  // namespace internal

// The base classes of SPEC section 2, plus publications (not scored).
enum class EntityType : uint8_t {
  kOrganization,
  kPlace,
  kPolicy,
  kIndustrialCluster,
  kIndustry,
  kEvent,
  kPerson,
  kPublication,
};
inline constexpr int kEntityTypeCount = 8;

// "Organization", "Place", ... as in SPEC and the gold files, and the
// names packs declare (types:, docs/rules.md). A declared type takes
// the next free value above the built-in ones and keeps it for the life
// of the process; "" for a value never declared. Thread-safe.
std::string_view EntityTypeName(EntityType t);
std::optional<EntityType> ParseEntityType(std::string_view name);
// The JSON-LD class: "Organization", "ckg:IndustrialCluster", or what the
// pack declared ("ckg:IndustrialPark", an IRI).
std::string_view EntityTypeTerm(EntityType t);

// The relations of SPEC section 3.
enum class RelationType : uint8_t {
  kLocation,
  kContainedInPlace,
  kPromotionAgency,
  kLeadingEnterprise,
  kIssuedBy,
  kIndustry,
  kPartner,
};
inline constexpr int kRelationTypeCount = 7;

// "location", "containedInPlace", ... as in SPEC and the gold files, and
// the relations packs declare (relations:), as for entity types.
std::string_view RelationTypeName(RelationType t);
std::optional<RelationType> ParseRelationType(std::string_view name);
// The JSON-LD property: "location", "ckg:promotionAgency", or what the
// pack declared.
std::string_view RelationTypeTerm(RelationType t);

// How a relation slot chooses among the mentions inside its capture.
enum class Pick : uint8_t { kFirst, kLast, kAll, kNearest };

// One end of a relation rule.
struct Slot {
  std::string capture;            // capture group name; "" = whole sentence
  std::vector<EntityType> types;  // allowed entity types
  Pick pick = Pick::kLast;
  bool look_back = false;  // when none in the sentence, the last such
                           // mention of the preceding sentences
};

// One example of a rule: a sentence, and for an example (not a counter
// example) what the rule must find in it: the mention `name` (entity and
// extend rules), the alias `name` (alias rules), or a relation between
// mentions named `from` and `to` (relation rules).
struct RuleExample {
  std::string text;
  std::string name;
  std::string from, to;
  int line = 0;  // in the rule's file
};

// WHAT THIS REPRESENTS: one compiled rule. THREAD SAFETY: immutable.
struct Rule {
  enum class Kind : uint8_t { kEntity, kExtend, kAlias, kRelation };
  std::string id;
  Kind kind = Kind::kEntity;
  EntityType type = EntityType::kOrganization;  // entity and extend rules
  std::optional<EntityType> after;              // extend/alias: mention type
  RelationType relation = RelationType::kLocation;
  std::string pattern;  // after macro expansion
  // `pattern` compiled. A rule with a fast form that rewrites bounds
  // (below) is matched through that and compiles its pattern as written
  // only when first asked for it (thread safe): when a bound breaks, and
  // for explain.
  const re2::RE2& re() const;
  // The capturing groups of `pattern`: how many, and the named ones.
  int captures = 0;
  std::map<std::string, int> named_captures;
  std::shared_ptr<const internal::LazyRe> compiled;  // behind re()
  // The same matches, found faster (lib/internal/fast_pattern.h): bounded
  // repetitions of one character checked after the match instead of
  // compiled out, and a head-anchored matcher for patterns of one shape.
  // `re` is the pattern as written when only the head form applies. Null
  // when neither does.
  struct Fast {
    std::shared_ptr<const re2::RE2> re;
    std::vector<int> group;                   // group of `re` -> group of this one
    std::vector<std::pair<int, int>> bounds;  // group, most characters
    // The same matches without RE2, for patterns of one shape
    // (lib/internal/head_pattern.h); null for the others.
    std::shared_ptr<const internal::HeadPattern> head;
    // The groups rebuilt from where a match is, for patterns of two other
    // shapes (lib/internal/fast_pattern.h); null for the others.
    std::shared_ptr<const internal::SpanGroups> span;
  };
  std::shared_ptr<const Fast> fast;
  int priority = 50;
  bool trim = false;                       // bound the name on the left (docs/rules.md)
  bool require_place = false;              // the trimmed name must start with a place
  bool trim_to_place = false;              // a name with a place inside starts at it
                                           // (壮大深圳市...集群 -> 深圳市...集群)
  std::string subtype;                     // schema.org class added beside the base class
  std::shared_ptr<const re2::RE2> reject;  // names matching this are dropped
  bool reject_without_place = false;       // test reject also without a
                                           // leading place (深圳市 + generic)
  int min_chars = 2;                       // shortest name body, in characters
  Slot from, to;                           // relation rules
  std::string alias_target;                // alias rules: "before" | "inside" capture name
  // Sentences the rule must match (examples) and must not (counter
  // examples), run by RunRuleExamples (inspect.h) and `clusterkg rules test`.
  std::vector<RuleExample> examples;
  std::vector<RuleExample> counter_examples;
  std::string file;  // where it was defined
  int line = 0;
};

// One gazetteer line: a known name.
struct GazetteerEntry {
  std::string name;  // canonical
  EntityType type = EntityType::kPlace;
  std::vector<std::string> aliases;
  std::string parent;  // canonical name of the containing place
  std::string iri;     // an external identifier, may be empty
  std::string subtype;
};

// The word lists of a pack (words: in YAML, docs/rules.md "Word
// lists"): each pack adds to the lists of the packs before it. All but the
// page words are normalised.
struct WordLists {
  std::vector<std::string> stop;             // end a name on its left
  std::vector<std::string> conjunction;      // split before a known name
  std::vector<std::string> programme;        // open a cluster name before its industry
  std::vector<std::string> blocker;          // a gazetteer name does not end inside one
  std::vector<std::string> short_lead;       // 市商务局: a name opening with one stands
                                             // for the article's own city's
  std::vector<std::string> district_suffix;  // 区, 县: places zones are named after
  std::vector<std::string> cluster_suffix;   // 产业集群, 集群: left out of a cluster's core
  std::vector<std::string> industry_suffix;  // 产业: left out of an industry's key
  std::vector<std::string> legal_suffix;     // 有限公司: left out when joining names
  std::vector<std::string> provisional_suffix;  // (筹): left out when joining names
  // "人民政府=政府": organisation names that differ only so are one
  std::vector<std::pair<std::string, std::string>> synonym;
  std::vector<std::string> topic_open;  // 关于: a policy title so opened is no place's
  PageWords page;                       // the loader's (load.h), not normalised
};

// A source of rules: YAML text or TSV gazetteer text, with its file name.
struct RuleSource {
  std::string name;  // file name for messages; ".tsv" means a gazetteer
  std::string content;
};

// The built-in pack, embedded from data/ at build time.
std::vector<RuleSource> BuiltinRuleSources();

// WHAT THIS REPRESENTS: a compiled, validated, immutable set of rules,
// gazetteers and word lists. THREAD SAFETY: safe to share between threads
// once compiled (share through std::shared_ptr).
class RulePack {
 public:
  // Parses and compiles every source, applying `normalizer` to gazetteer
  // names and word lists. Reports every problem at once: the Status message
  // has one line per problem, "file:line: rule id: what is wrong".
  // With `lenient`, never fails: what has a problem is left out (a rule,
  // a gazetteer line, a whole file that is not YAML) and the problems are
  // kept in problems(), for `clusterkg rules check`.
  static Result<std::shared_ptr<const RulePack>> Compile(const std::vector<RuleSource>& sources,
                                                         const Normalizer& normalizer,
                                                         bool lenient = false);
  // The problems a lenient Compile left out, "file:line: id: message".
  const std::vector<std::string>& problems() const { return problems_; }

  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<GazetteerEntry>& gazetteer() const { return gazetteer_; }
  // Left-bounding word lists (normalised): hard stops end a name's left
  // side, conjunctions split before a known name.
  const std::vector<std::string>& stop_words() const { return words_.stop; }
  const std::vector<std::string>& conjunctions() const { return words_.conjunction; }
  // Words that open a cluster name before its industry (国家, 未来 ...):
  // not part of the industry the cluster is named after.
  const std::vector<std::string>& programme_words() const { return words_.programme; }
  // Words a gazetteer name may not end inside (部门 blocks 教育部 in 教育部门).
  const std::vector<std::string>& blockers() const { return words_.blocker; }
  // Every word list.
  const WordLists& words() const { return words_; }
  // The page words, for LoadOptions::page_words.
  const std::shared_ptr<const PageWords>& page_words() const { return page_words_; }
  // Rule by id, or nullptr.
  const Rule* FindRule(std::string_view id) const;
  // Gazetteer places by name or alias (indices into gazetteer()), and the
  // longest such name in bytes; built once by Compile.
  const std::unordered_multimap<std::string, int>& PlacesByName() const { return places_by_name_; }
  size_t LongestPlaceName() const { return longest_place_name_; }
  // The lengths of the place names and aliases that start with the
  // character s starts with: bit n (3 <= n < 64) set when one is n bytes
  // long, bit 0 when one is longer than 63 bytes. 0 when none does.
  uint64_t PlaceNameLengths(std::string_view s) const;
  // The gazetteer place (its index, the one PlacesByName().find gives)
  // with the longest name or alias that `s` starts with, of at least 3
  // bytes, shorter than s and ending where a character of s ends; -1 when
  // none. *len: that name's length.
  int LongestPlacePrefix(std::string_view s, size_t* len) const;
  // Canonical names of gazetteer organisations by name or alias.
  const std::unordered_map<std::string, std::string>& OrganizationsByName() const {
    return organizations_by_name_;
  }
  // 16 hex digits identifying the sources the pack was compiled from (their
  // names and bytes, in order): records of articles matched with one pack
  // may be merged only by a run with the same pack (record.h).
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::string fingerprint_;
  std::vector<std::string> problems_;
  std::vector<Rule> rules_;
  std::vector<GazetteerEntry> gazetteer_;
  WordLists words_;
  std::shared_ptr<const PageWords> page_words_;
  std::unordered_multimap<std::string, int> places_by_name_;
  size_t longest_place_name_ = 0;
  std::unordered_map<uint32_t, uint64_t> place_lengths_;  // by first character's bytes
  std::shared_ptr<const internal::ByteTrie> place_trie_;  // the keys of places_by_name_
  std::vector<int> place_at_;  // per trie node: the place its key names, or -1
  std::unordered_map<std::string, std::string> organizations_by_name_;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_RULES_H_
