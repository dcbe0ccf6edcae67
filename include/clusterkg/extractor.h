// File: clusterkg/extractor.h
//
// The facade: one Extractor owns the shared, immutable resources (ICU
// normaliser, compiled rule pack, gazetteer trie) and runs the stages of one
// article: load -> normalise -> segment -> match. Resolution and the graph
// work on many articles at once (graph.h).
//
//   auto ex = clusterkg::Extractor::Create();      // built-in rules
//   if (!ex.ok()) return fail(ex.status());
//   std::vector<clusterkg::Article> arts;
//   for (auto& path : clusterkg::CollectInputFiles({"news/"}, &errors)) {
//     auto a = ex.value()->ExtractFile(path);
//     if (a.ok()) arts.push_back(std::move(a).value());
//   }
//   auto graph = clusterkg::KnowledgeGraph::Build(arts, ex.value()->rules());
#ifndef CLUSTERKG_EXTRACTOR_H_
#define CLUSTERKG_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/load.h"
#include "clusterkg/match.h"
#include "clusterkg/normalize.h"
#include "clusterkg/resolve.h"
#include "clusterkg/rules.h"
#include "clusterkg/segment.h"

namespace clusterkg {

// Options of the whole pipeline.
//   field           default   meaning
//   load            {}        see load.h
//   normalize       {}        see normalize.h
//   segment         {}        see segment.h
//   builtin_rules   true      start from the embedded default pack
//   rules           {}        more packs (YAML rules, .tsv gazetteers)
//   lenient_rules   false     leave out what has a problem instead of
//                             failing; see rules().problems()
struct ExtractorOptions {
  LoadOptions load;
  NormalizeOptions normalize;
  SegmentOptions segment;
  bool builtin_rules = true;
  std::vector<RuleSource> rules;
  bool lenient_rules = false;
};

class Matcher;

// WHAT THIS REPRESENTS: a ready pipeline. THREAD SAFETY: immutable after
// Create; every method may run concurrently from many threads.
class Extractor {
 public:
  // Errors: kParseError listing every problem of the rule packs;
  // kInternal when ICU data is missing.
  static Result<std::shared_ptr<const Extractor>> Create(const ExtractorOptions& options = {});

  // Load (see load.h for errors), then normalise and match.
  Result<Article> ExtractFile(const std::string& path) const;
  Result<Article> ExtractString(std::string raw, std::string source) const;
  Result<Article> ExtractJsonRecord(std::string_view line, const std::string& source,
                                    size_t line_no) const;
  // Normalises and matches a loaded document. Cannot fail.
  Article Process(Document doc) const;

  // Matches the article again, also finding the names other articles
  // declared (`known`, from CorpusAliases). Cannot fail.
  void Rematch(Article& article, const std::vector<KnownAlias>& known) const;

  const RulePack& rules() const;
  const Matcher& matcher() const { return *matcher_; }
  const Normalizer& normalizer() const { return *normalizer_; }
  const ExtractorOptions& options() const { return options_; }

 private:
  Extractor() = default;
  ExtractorOptions options_;
  std::shared_ptr<const Normalizer> normalizer_;
  std::shared_ptr<const Matcher> matcher_;
};

// The aliases the articles declare (以下简称…, X(cluster), nicknames), each
// with the type of the entity it names, sorted and unique.
std::vector<KnownAlias> CorpusAliases(const std::vector<Article>& articles);

// Aliases learnt in one article apply in all: re-matches every article that
// contains an alias declared elsewhere and not found in it, on `threads`
// threads (the result does not depend on their number). Returns how many
// articles were matched again.
size_t ApplyCorpusAliases(const Extractor& extractor, std::vector<Article>& articles,
                          size_t threads = 1);

// Expands inputs into files: directories recursively (sorted by path, hidden
// files skipped), files as given. Paths that do not exist are reported in
// `errors` (one Status each) and left out.
std::vector<std::string> CollectInputFiles(const std::vector<std::string>& inputs,
                                           std::vector<Status>* errors);

}  // namespace clusterkg

#endif  // CLUSTERKG_EXTRACTOR_H_
