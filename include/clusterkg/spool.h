// File: clusterkg/spool.h
//
// A corpus written as one JSON-LD document without holding its articles in
// memory. Each article's record (record.h) goes to a temporary file as it
// is added; WriteJsonLd then resolves the corpus in two passes over those
// records and streams the nodes. The document is byte for byte what the
// graph of the same articles in memory gives:
//
//   ApplyCorpusAliases(*ex, articles);
//   auto g = KnowledgeGraph::Build(articles, ex->rules(), {.records = true});
//   JsonLdWriter(options).Write(g, out);
//
// Spooled instead:
//
//   auto spool = clusterkg::CorpusSpool::Create(ex, {.threads = 2});
//   for (...) spool.value()->Add(clusterkg::CorpusSpool::Encode(article, ex->rules()));
//   auto stats = spool.value()->WriteJsonLd(std::cout);
//
// Memory: the distinct names, entities and relations, the co-occurring
// pairs (about 1.1 KB per distinct entity on generated news), and per
// article its id, url, place in the file and @id (about 150 bytes); never
// the articles, their mentions or the evidence. One entity's node is built
// whole, so an entity named a million times takes that node's size while
// it is written. Disk: about 11 times the input (docs/performance.md).
#ifndef CLUSTERKG_SPOOL_H_
#define CLUSTERKG_SPOOL_H_

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "clusterkg/export/jsonld.h"
#include "clusterkg/extractor.h"
#include "clusterkg/status.h"

namespace clusterkg {

// What the spool keeps of one article: made by CorpusSpool::Encode, on any
// thread, so that the encoding runs where the article was extracted.
struct SpooledArticle {
  std::string id, url, headline, date, author;
  std::string record;               // EncodeRecordText
  std::vector<KnownAlias> aliases;  // what it declares (CorpusAliases)
};

// Options of CorpusSpool.
//   field      default  meaning
//   threads    1        threads that decode and re-match records in
//                       WriteJsonLd (the output does not depend on them)
//   directory  ""       where the temporary files go: "" is $TMPDIR, else
//                       /tmp. They are unlinked when made, so nothing is
//                       left behind, even after a crash.
//   window     8 MiB    how much of the entities' mentions (and of the
//                       relations' evidence) WriteJsonLd puts together in
//                       memory at a time, to write it in order; the output
//                       does not depend on it. Smaller holds less memory,
//                       and reads what it sorts once more when the
//                       mentions take more than one window. (At least
//                       1/256 of them: a window is a temporary file.)
struct SpoolOptions {
  size_t threads = 1;
  std::string directory;
  size_t window = size_t{8} << 20;
};

// What WriteJsonLd wrote.
struct SpoolStats {
  size_t articles = 0, entities = 0, relations = 0;
  std::map<EntityType, size_t> entities_by_type;
  std::map<RelationType, size_t> relations_by_type;
};

// WHAT THIS REPRESENTS: a set of articles on disk, to be written once.
// THREAD SAFETY: Encode is static and may run concurrently; the methods of
// one spool run on one thread at a time.
class CorpusSpool {
 public:
  // Errors: kIoError naming the directory when a temporary file cannot be made.
  static Result<std::unique_ptr<CorpusSpool>> Create(std::shared_ptr<const Extractor> extractor,
                                                     const SpoolOptions& options = {});
  ~CorpusSpool();
  CorpusSpool(const CorpusSpool&) = delete;
  CorpusSpool& operator=(const CorpusSpool&) = delete;

  // requires: the article was matched with `pack`. Cannot fail.
  static SpooledArticle Encode(const Article& article, const RulePack& pack);
  // Appends an article. Errors: kInvalidArgument when its record is 2 GiB
  // or more (the article is left out; the spool goes on); kIoError when the
  // temporary file cannot be written (a full disk): the spool is then
  // unusable.
  Status Add(SpooledArticle&& article);
  Status Add(const Article& article);
  size_t size() const;

  // Resolves every article added (aliases learnt in one apply in all) and
  // writes the JSON-LD document, the bytes of the in-memory path above.
  // Errors: kIoError (temporary files or `out`); kInternal when a record
  // the spool wrote does not read back.
  Result<SpoolStats> WriteJsonLd(std::ostream& out, const JsonLdOptions& options = {});

 private:
  struct State;
  explicit CorpusSpool(std::unique_ptr<State> s);
  std::unique_ptr<State> s_;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_SPOOL_H_
