// File: clusterkg/record.h
//
// The record of an article: what a run keeps of one article (its document
// and its first match) so that a later run can resolve it together with
// articles it never saw, exactly as one run over all of them would. JSON-LD
// and NDJSON output carry each article's record as a JSON literal
// (`ckg:record`, docs/jsonld-vocabulary.md); `clusterkg merge` reads them
// back. This is how a corpus is processed in shards:
//
//   // shard 1 and shard 2 ran `clusterkg extract --format ndjson`
//   std::vector<clusterkg::Status> errors;
//   std::vector<clusterkg::Article> all;
//   for (const char* f : {"shard1.ndjson", "shard2.ndjson"}) {
//     std::ifstream in(f, std::ios::binary);
//     auto part = clusterkg::ReadRecords(in, f, ex->rules(), &errors);
//     std::move(part.begin(), part.end(), std::back_inserter(all));
//   }
//   clusterkg::ApplyCorpusAliases(*ex, all);
//   auto graph = clusterkg::KnowledgeGraph::Build(all, ex->rules());
//
// A record names the rule pack it was matched with (RulePack::fingerprint)
// and is refused by a pack with another fingerprint: its gazetteer indices
// and its mentions mean nothing under other rules.
#ifndef CLUSTERKG_RECORD_H_
#define CLUSTERKG_RECORD_H_

#include <functional>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clusterkg/resolve.h"
#include "clusterkg/rules.h"
#include "clusterkg/status.h"

namespace clusterkg {

// The record of `article` (its document and Article::FirstMatch()) as
// compact JSON text, keys sorted, in the bytes nlohmann's dump() gives for
// it; what the JSON-LD and NDJSON output carry. requires: the article was
// matched with `pack`. Cannot fail.
std::string EncodeRecordText(const Article& article, const RulePack& pack);

// The same record as a JSON value (EncodeRecordText, parsed).
nlohmann::json EncodeRecord(const Article& article, const RulePack& pack);

// The article a record describes. Every field is checked (types, spans
// inside the text, indices inside their lists, offset runs that cover the
// text and stay inside the raw bytes, mentions in match order), so a record
// from an untrusted file cannot make later stages fail.
// Errors: kParseError "WHERE: record: what is wrong" (a malformed record,
// another record version, or another pack's fingerprint).
Result<Article> DecodeRecord(const nlohmann::json& record, const RulePack& pack,
                             const std::string& where);

// The same from the record's JSON text (as EncodeRecordText writes it),
// parsed with simdjson: several times faster than parsing it with nlohmann
// and calling DecodeRecord. Errors as DecodeRecord's, and kParseError
// "WHERE: record: ..." for text that is not JSON. (A key written twice in
// one object, which no record has, is read at its first place here and
// at its last by nlohmann.)
Result<Article> DecodeRecordText(std::string_view text, const RulePack& pack,
                                 const std::string& where);

// Reads the records of every article in a file that `clusterkg extract` or
// `merge` wrote: one JSON-LD document (--format jsonld), or one document
// per line (--format ndjson). Returns the articles in file order. Problems
// are appended to `errors`, one per article or line, naming `source` and
// the line (an article the extraction reported as failed, a node without a
// record, a line that is not JSON); the other articles are still returned.
std::vector<Article> ReadRecords(std::istream& in, const std::string& source, const RulePack& pack,
                                 std::vector<Status>* errors);

// The same articles handed to `take` one at a time, in file order, as they
// are read: an NDJSON file is read one line at a time, so memory holds one
// article; a JSON-LD document is parsed whole first.
void ForEachRecord(std::istream& in, const std::string& source, const RulePack& pack,
                   std::vector<Status>* errors, const std::function<void(Article&&)>& take);

}  // namespace clusterkg

#endif  // CLUSTERKG_RECORD_H_
