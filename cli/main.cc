// clusterkg: the export tool (SPEC section 5).
//
//   clusterkg extract [--format jsonld|ndjson|graphml|dot] [-o FILE]
//                     [--rules FILE]... [--no-builtin-rules] INPUT...
//
// INPUT is a file, a directory (read recursively) or "-" (JSONL records on
// standard input); files ending in .jsonl hold one record per line. Bad
// input is reported on stderr, one line per problem naming the file and
// position; the other articles are still processed and written, and the
// exit status is 1. Usage errors and broken rule packs exit with 2.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "clusterkg/clusterkg.h"

namespace {

struct Options {
  std::string format = "jsonld";
  std::string output;
  std::vector<std::string> rules;
  bool no_builtin = false;
  bool summary = false;
  bool quiet = false;
  size_t max_bytes = clusterkg::LoadOptions{}.max_bytes;
  std::vector<std::string> inputs;
};

bool EndsWith(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

class Run {
 public:
  Run(const Options& o, std::shared_ptr<const clusterkg::Extractor> ex, std::ostream& out)
      : o_(o), ex_(std::move(ex)), out_(out) {}

  void Report(const clusterkg::Status& s) {
    ++failed_;
    std::cerr << "clusterkg: " << s.message() << "\n";
  }

  // One article done (or failed): keep it, or stream it as NDJSON.
  void Take(clusterkg::Result<clusterkg::Article> a, const std::string& where) {
    ++seen_;
    if (!a.ok()) {
      Report(a.status());
      if (o_.format == "ndjson") {
        nlohmann::json err{{"@context", clusterkg::JsonLdContext()},
                           {"@id", clusterkg::ArticleIri(where)},
                           {"@type", "NewsArticle"},
                           {"url", where},
                           {"ckg:error", a.status().message()}};
        out_ << err.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        out_.flush();
      }
      return;
    }
    if (o_.format == "ndjson") {
      std::vector<clusterkg::Article> one;
      one.push_back(std::move(a).value());
      auto g = clusterkg::KnowledgeGraph::Build(one, ex_->rules());
      CountGraph(g);
      (void)clusterkg::JsonLdWriter({.indent = -1}).Write(g, out_);
      out_.flush();
      return;
    }
    articles_.push_back(std::move(a).value());
  }

  void ReadJsonl(std::istream& in, const std::string& source) {
    std::string line;
    size_t no = 0;
    while (std::getline(in, line)) {
      ++no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Take(ex_->ExtractJsonRecord(line, source, no), source + ":" + std::to_string(no));
    }
    if (in.bad()) Report(clusterkg::IoError(source + ": read failed"));
  }

  void ReadInput(const std::string& path) {
    if (path == "-") {
      ReadJsonl(std::cin, "<stdin>");
    } else if (EndsWith(path, ".jsonl")) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        Take(clusterkg::IoError(path + ": cannot open for reading"), path);
        return;
      }
      ReadJsonl(in, path);
    } else {
      Take(ex_->ExtractFile(path), path);
    }
  }

  clusterkg::Status Finish() {
    if (o_.format == "ndjson") return clusterkg::OkStatus();
    auto g = clusterkg::KnowledgeGraph::Build(articles_, ex_->rules());
    CountGraph(g);
    if (o_.format == "graphml") return clusterkg::GraphMlWriter().Write(g, out_);
    if (o_.format == "dot") return clusterkg::DotWriter().Write(g, out_);
    return clusterkg::JsonLdWriter().Write(g, out_);
  }

  void CountGraph(const clusterkg::KnowledgeGraph& g) {
    for (const auto& e : g.entities()) ++by_type_[std::string(clusterkg::EntityTypeName(e.type))];
    for (const auto& r : g.relations())
      ++by_relation_[std::string(clusterkg::RelationTypeName(r.type))];
    entities_ += g.entities().size();
    relations_ += g.relations().size();
  }

  void PrintSummary(std::ostream& s) const {
    s << "clusterkg: " << seen_ << " articles, " << failed_ << " failed; " << entities_
      << " entities";
    const char* sep = " (";
    for (const auto& [t, n] : by_type_) {
      s << sep << t << " " << n;
      sep = ", ";
    }
    s << (by_type_.empty() ? "" : ")") << "; " << relations_ << " relations";
    sep = " (";
    for (const auto& [t, n] : by_relation_) {
      s << sep << t << " " << n;
      sep = ", ";
    }
    s << (by_relation_.empty() ? "" : ")");
    if (!o_.output.empty()) s << " -> " << o_.output;
    s << "\n";
  }

  size_t failed() const { return failed_; }

 private:
  const Options& o_;
  std::shared_ptr<const clusterkg::Extractor> ex_;
  std::ostream& out_;
  std::vector<clusterkg::Article> articles_;
  size_t seen_ = 0, failed_ = 0, entities_ = 0, relations_ = 0;
  std::map<std::string, size_t> by_type_, by_relation_;
};

int Extract(const Options& o) {
  clusterkg::ExtractorOptions eo;
  eo.builtin_rules = !o.no_builtin;
  eo.load.max_bytes = o.max_bytes;
  for (const std::string& path : o.rules) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "clusterkg: " << path << ": cannot open rule pack\n";
      return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    eo.rules.push_back({path, ss.str()});
  }
  auto ex = clusterkg::Extractor::Create(eo);
  if (!ex.ok()) {
    std::cerr << "clusterkg: rule pack:\n" << ex.status().message() << "\n";
    return 2;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!o.output.empty() && o.output != "-") {
    file.open(o.output, std::ios::binary);
    if (!file) {
      std::cerr << "clusterkg: " << o.output << ": cannot open for writing\n";
      return 2;
    }
    out = &file;
  }
  Run run(o, ex.value(), *out);
  std::vector<clusterkg::Status> errors;
  const auto files = clusterkg::CollectInputFiles(o.inputs, &errors);
  for (const auto& e : errors) run.Report(e);
  for (const std::string& f : files) run.ReadInput(f);
  if (clusterkg::Status s = run.Finish(); !s.ok()) {
    std::cerr << "clusterkg: " << s.message() << "\n";
    return 1;
  }
  out->flush();
  if (!*out) {
    std::cerr << "clusterkg: " << (o.output.empty() ? "<stdout>" : o.output) << ": write failed\n";
    return 1;
  }
  if ((o.summary || !o.output.empty()) && !o.quiet) run.PrintSummary(std::cerr);
  return run.failed() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"clusterkg: Chinese industrial-cluster news to a knowledge graph"};
  app.require_subcommand(1);
  Options o;
  CLI::App* extract = app.add_subcommand("extract", "Extract entities and relations from articles");
  extract->add_option("-f,--format", o.format, "Output format")
      ->check(CLI::IsMember({"jsonld", "ndjson", "graphml", "dot"}))
      ->capture_default_str();
  extract->add_option("-o,--output", o.output, "Output file (default: standard output)");
  extract->add_option("-r,--rules", o.rules,
                      "Extra rule pack (YAML rules or .tsv gazetteer); repeatable");
  extract->add_flag("--no-builtin-rules", o.no_builtin, "Use only the packs given with --rules");
  extract->add_flag("-s,--summary", o.summary, "Print a summary on stderr (default with -o)");
  extract->add_flag("-q,--quiet", o.quiet, "No summary");
  extract
      ->add_option("--max-bytes", o.max_bytes, "Largest article (or JSONL record) read, in bytes")
      ->capture_default_str();
  extract->add_option("inputs", o.inputs, "Files, directories, or - for JSONL on stdin")
      ->required();
  app.set_version_flag("--version", CLUSTERKG_VERSION);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; usage errors exit 2, as docs/errors.md says
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (extract->parsed()) return Extract(o);
  return 2;
}
