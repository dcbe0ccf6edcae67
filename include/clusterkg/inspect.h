// File: clusterkg/inspect.h
//
// Tools for rule authors: a pack's examples run as tests (`clusterkg rules
// test`), and why an article's mentions and relations are what they are
// (`clusterkg explain`).
//
//   auto ex = clusterkg::Extractor::Create(options).value();
//   clusterkg::ExampleReport r = clusterkg::RunRuleExamples(*ex);
//   for (const auto& f : r.failures) std::cerr << f.ToString() << "\n";
//
//   auto doc = clusterkg::LoadFile("news/a.html").value();
//   clusterkg::Explanation e = clusterkg::Explain(*ex, std::move(doc));
//   std::cout << clusterkg::ExplanationText(e);
#ifndef CLUSTERKG_INSPECT_H_
#define CLUSTERKG_INSPECT_H_

#include <functional>
#include <string>
#include <vector>

#include "clusterkg/extractor.h"
#include "clusterkg/match.h"
#include "clusterkg/resolve.h"
#include "clusterkg/rules.h"

namespace clusterkg {

// A problem with a rule, where its file says it: "file:line: rule: message".
struct RuleProblem {
  std::string file;
  int line = 0;
  std::string rule;
  std::string message;
  std::string ToString() const;
};

// Options of RunRuleExamples.
//   field             default  meaning
//   which             all      the rules whose examples run
//   require_examples  false    a rule with no example, or no counter
//                              example, is a failure
struct ExampleOptions {
  std::function<bool(const Rule&)> which;
  bool require_examples = false;
};

struct ExampleReport {
  size_t rules = 0;     // rules whose examples ran
  size_t examples = 0;  // examples and counter examples run
  std::vector<RuleProblem> failures;
};

// Runs examples through the whole pipeline, each sentence as an article of
// its own: an example holds when the rule finds what it names (the mention
// `name` for entity and extend rules, the alias `name` for alias rules, a
// relation between mentions named `from` and `to` for relation rules), a
// counter example when the rule finds nothing in it. A failure says what
// the rule and the other rules found instead. Cannot fail.
ExampleReport RunRuleExamples(const Extractor& extractor, const ExampleOptions& options = {});

// One article with the trace of its matching.
struct Explanation {
  Article article;
  MatchTrace trace;
};

// Normalises and matches the document, keeping the trace. Cannot fail.
Explanation Explain(const Extractor& extractor, Document doc);

// The article's sentences, each followed by its mentions (type, name, raw
// byte offsets, rule, and the candidates each one beat in an overlap), the
// aliases declared and the relations found with their rules.
std::string ExplanationText(const Explanation& e);
// The same as JSON (docs/rules.md shows the shape); indent as nlohmann's
// dump: -1 for one line.
std::string ExplanationJson(const Explanation& e, int indent = 2);

}  // namespace clusterkg

#endif  // CLUSTERKG_INSPECT_H_
