// clusterkg: the export tool (SPEC section 5).
//
//   clusterkg extract [--format jsonld|ndjson|graphml|dot|html] [-o FILE]
//                     [--rules FILE]... [--no-builtin-rules] INPUT...
//   clusterkg merge [--format ...] [-o FILE] [--rules FILE]... OUTPUT...
//   clusterkg stats [--json] [--top N] INPUT...
//   clusterkg path [--json] FROM TO INPUT...
//   clusterkg rules check|test [--no-builtin-rules] [--require-examples] PACK...
//   clusterkg explain [--json] [--rules FILE]... ARTICLE...
//
// INPUT is a file, a directory (read recursively) or "-" (JSONL records on
// standard input); files ending in .jsonl hold one record per line. Bad
// input is reported on stderr, one line per problem naming the file and
// position; the other articles are still processed and written, and the
// exit status is 1. Usage errors and broken rule packs exit with 2.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "clusterkg/clusterkg.h"

#ifdef CLUSTERKG_TCMALLOC
#include <gperftools/malloc_extension.h>
#endif

namespace {

struct Options {
  std::string format = "jsonld";
  std::string output;
  std::vector<std::string> rules;
  bool no_builtin = false;
  bool summary = false;
  bool quiet = false;
  bool no_record = false;
  size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  size_t max_bytes = clusterkg::LoadOptions{}.max_bytes;
  std::vector<std::string> inputs;
};

bool EndsWith(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// One unit of work: a file, or one line of a JSONL input.
struct Item {
  std::string path;    // a file to load, unless `is_line`
  std::string line;    // the JSONL line
  std::string source;  // the JSONL file (or <stdin>)
  size_t line_no = 0;
  bool is_line = false;
};

// Entity and relation counts of written output (the summary).
struct Counts {
  std::map<std::string, size_t> by_type, by_relation;
  size_t entities = 0, relations = 0;
  void Add(const clusterkg::KnowledgeGraph& g) {
    for (const auto& e : g.entities()) ++by_type[std::string(clusterkg::EntityTypeName(e.type))];
    for (const auto& r : g.relations())
      ++by_relation[std::string(clusterkg::RelationTypeName(r.type))];
    entities += g.entities().size();
    relations += g.relations().size();
  }
  void Add(const clusterkg::SpoolStats& st) {
    for (const auto& [t, n] : st.entities_by_type)
      by_type[std::string(clusterkg::EntityTypeName(t))] += n;
    for (const auto& [t, n] : st.relations_by_type)
      by_relation[std::string(clusterkg::RelationTypeName(t))] += n;
    entities += st.entities;
    relations += st.relations;
  }
  void Add(const Counts& c) {
    for (const auto& [k, v] : c.by_type) by_type[k] += v;
    for (const auto& [k, v] : c.by_relation) by_relation[k] += v;
    entities += c.entities;
    relations += c.relations;
  }
};

// What a worker made of one item: the article (kept for the whole graph),
// what the spool keeps of it (JSON-LD), or, when streaming NDJSON, its
// finished line.
struct Outcome {
  std::optional<clusterkg::Status> error;
  std::optional<clusterkg::Article> article;
  std::optional<clusterkg::SpooledArticle> spooled;
  std::string where;
  std::string ndjson;
  Counts counts;
};

class Run {
 public:
  // `spool`: write JSON-LD through a CorpusSpool, so that the articles are
  // not held in memory (extract and merge with --format jsonld).
  Run(const Options& o, std::shared_ptr<const clusterkg::Extractor> ex, std::ostream& out,
      bool spool = false)
      : o_(o), ex_(std::move(ex)), out_(out), spooling_(spool && o.format == "jsonld") {}

  void Report(const clusterkg::Status& s) {
    ++failed_;
    std::cerr << "clusterkg: " << s.message() << "\n";
  }

  // One article done (or failed), made on any thread: its NDJSON line is
  // written here, so that workers share nothing.
  Outcome Prepare(clusterkg::Result<clusterkg::Article> a, std::string where) const {
    Outcome out;
    out.where = std::move(where);
    if (!a.ok()) {
      out.error = a.status();
      if (o_.format == "ndjson") {
        nlohmann::json err{{"@context", clusterkg::JsonLdContext()},
                           {"@id", clusterkg::ArticleIri(out.where)},
                           {"@type", "NewsArticle"},
                           {"url", out.where},
                           {"ckg:error", a.status().message()}};
        out.ndjson = err.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
      }
      return out;
    }
    if (o_.format == "ndjson") {
      std::vector<clusterkg::Article> one;
      one.push_back(std::move(a).value());
      auto g = clusterkg::KnowledgeGraph::Build(one, ex_->rules(), {.records = !o_.no_record});
      out.counts.Add(g);
      // room for the line from the start (it runs to some 35 bytes per byte
      // of text), so that the stream does not copy it as it grows; at most
      // 16 MB ahead, whatever the article's size
      std::string room;
      room.reserve(std::min<size_t>(4096 + 40 * one.front().doc.text.size(), size_t{16} << 20));
      std::ostringstream line(std::move(room));
      (void)clusterkg::JsonLdWriter({.indent = -1}).Write(g, line);
      out.ndjson = std::move(line).str();
      return out;  // the article is released here
    }
    if (spooling_) {
      out.spooled = clusterkg::CorpusSpool::Encode(a.value(), ex_->rules());
      return out;  // the article is released here
    }
    out.article = std::move(a).value();
    return out;
  }

  // Takes an outcome, in input order, on the main thread.
  void Commit(Outcome o) {
    ++seen_;
    if (o.error) Report(*o.error);
    if (o_.format == "ndjson") {
      out_ << o.ndjson;
      counts_.Add(o.counts);
    } else if (o.spooled) {
      if (!spool_) {
        auto sp = clusterkg::CorpusSpool::Create(ex_, SpoolOpts());
        if (!sp.ok()) {
          spool_error_ = sp.status();
          return;
        }
        spool_ = std::move(sp).value();
      }
      if (!spool_error_.ok()) return;
      clusterkg::Status st = spool_->Add(std::move(*o.spooled));
      if (st.code() == clusterkg::StatusCode::kInvalidArgument) {
        Report(st);  // this article is left out; the others are written
      } else {
        spool_error_ = std::move(st);
      }
    } else if (o.article) {
      articles_.push_back(std::move(*o.article));
    }
  }

  void Take(clusterkg::Result<clusterkg::Article> a, const std::string& where) {
    Drain();  // what was queued before it comes first
    Commit(Prepare(std::move(a), where));
  }

  // Queues an item. With one job it is extracted and taken at once; else
  // `jobs` workers extract the queued items, and they are taken in input
  // order, so the output does not depend on the threads. At most
  // 64 items per job wait to be taken.
  void Submit(Item item) {
    if (Jobs() == 1) {
      Commit(Extract(item));
      return;
    }
    if (workers_.empty()) {
      for (size_t t = 0; t < Jobs(); ++t) workers_.emplace_back([this] { Work(); });
    }
    bool wake = false;
    {
      std::lock_guard lock(mu_);
      window_.emplace_back().item = std::move(item);
      wake = idle_ > 0;  // (a busy worker takes it when done)
    }
    if (wake) work_cv_.notify_one();
    Settle(64 * Jobs());
  }

  // Extracts and takes every queued item.
  void Drain() { Settle(0); }

  ~Run() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    workers_.clear();  // joins
  }

  void ReadJsonl(std::istream& in, const std::string& source) {
    std::string line;
    size_t no = 0;
    while (std::getline(in, line)) {
      ++no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Item item;
      item.line = std::move(line);
      item.source = source;
      item.line_no = no;
      item.is_line = true;
      Submit(std::move(item));
    }
    if (in.bad()) {
      Drain();
      Report(clusterkg::IoError(source + ": read failed"));
    }
  }

  void ReadInput(const std::string& path) {
    if (path == "-") {
      ReadJsonl(std::cin, "<stdin>");
    } else if (EndsWith(path, ".jsonl")) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        Drain();  // the error in input order
        Take(clusterkg::IoError(path + ": cannot open for reading"), path);
        return;
      }
      ReadJsonl(in, path);
    } else {
      Item item;
      item.path = path;
      Submit(std::move(item));
    }
  }

  size_t Jobs() const { return std::max<size_t>(1, o_.jobs); }
  clusterkg::SpoolOptions SpoolOpts() const {
    clusterkg::SpoolOptions so;
    so.threads = Jobs();
    return so;
  }

  // The graph of every article read so far (jsonld mode), with the aliases
  // learnt in one article applied in all.
  clusterkg::KnowledgeGraph BuildGraph(bool records = false) {
    Drain();
    clusterkg::ApplyCorpusAliases(*ex_, articles_, Jobs());
    return clusterkg::KnowledgeGraph::Build(articles_, ex_->rules(), {.records = records});
  }

  clusterkg::Status Finish() {
    Drain();
    if (o_.format == "ndjson") return clusterkg::OkStatus();
    if (spooling_) {
      if (!spool_error_.ok()) return spool_error_;
      if (!spool_) {  // no article: the empty document
        auto sp = clusterkg::CorpusSpool::Create(ex_, SpoolOpts());
        if (!sp.ok()) return sp.status();
        spool_ = std::move(sp).value();
      }
      auto stats = spool_->WriteJsonLd(out_, {.records = !o_.no_record});
      if (!stats.ok()) return stats.status();
      counts_.Add(stats.value());
      return clusterkg::OkStatus();
    }
    auto g = BuildGraph(o_.format == "jsonld" && !o_.no_record);
    counts_.Add(g);
    if (o_.format == "graphml") return clusterkg::GraphMlWriter().Write(g, out_);
    if (o_.format == "dot") return clusterkg::DotWriter().Write(g, out_);
    if (o_.format == "html") return clusterkg::HtmlWriter({.title = PageTitle()}).Write(g, out_);
    return clusterkg::JsonLdWriter().Write(g, out_);
  }

  // The HTML page's title: the one input's name, else a generic one.
  std::string PageTitle() const {
    if (o_.inputs.size() == 1 && o_.inputs[0] != "-") {
      std::filesystem::path p(o_.inputs[0]);
      if (p.filename().empty()) p = p.parent_path();
      return "clusterkg: " + p.filename().string();
    }
    return "clusterkg graph";
  }

  void PrintSummary(std::ostream& s) const {
    s << "clusterkg: " << seen_ << " articles, " << failed_ << " failed; " << counts_.entities
      << " entities";
    const char* sep = " (";
    for (const auto& [t, n] : counts_.by_type) {
      s << sep << t << " " << n;
      sep = ", ";
    }
    s << (counts_.by_type.empty() ? "" : ")") << "; " << counts_.relations << " relations";
    sep = " (";
    for (const auto& [t, n] : counts_.by_relation) {
      s << sep << t << " " << n;
      sep = ", ";
    }
    s << (counts_.by_relation.empty() ? "" : ")");
    if (!o_.output.empty()) s << " -> " << o_.output;
    s << "\n";
  }

  size_t failed() const { return failed_; }

 private:
  const Options& o_;
  std::shared_ptr<const clusterkg::Extractor> ex_;
  std::ostream& out_;
  const bool spooling_;
  std::vector<clusterkg::Article> articles_;
  std::unique_ptr<clusterkg::CorpusSpool> spool_;
  clusterkg::Status spool_error_;
  Outcome Extract(const Item& it) const {
    return it.is_line ? Prepare(ex_->ExtractJsonRecord(it.line, it.source, it.line_no),
                                it.source + ":" + std::to_string(it.line_no))
                      : Prepare(ex_->ExtractFile(it.path), it.path);
  }

  // A worker: extracts the oldest item no worker has taken, until stopped.
  void Work() {
    std::unique_lock lock(mu_);
    for (;;) {
      ++idle_;
      work_cv_.wait(lock, [this] { return stop_ || taken_ < window_.size(); });
      --idle_;
      if (stop_) return;
      Slot& s = window_[taken_++];  // stays put: only done slots are popped
      lock.unlock();
      Outcome out = Extract(s.item);
      lock.lock();
      s.outcome = std::move(out);
      s.done = true;
      if (settling_ && window_.front().done && window_[target_].done) {
        done_cv_.notify_one();  // what Settle waits for
      }
    }
  }

  // Takes the done items at the front of the window, in order. While more
  // than `keep` items are queued it waits for the front one and for one
  // halfway back, so that one wake takes many items. Output is flushed
  // before waiting, so that a reader of NDJSON sees every line that is
  // ready.
  void Settle(size_t keep) {
    std::unique_lock lock(mu_);
    while (!window_.empty()) {
      if (!window_.front().done) {
        if (window_.size() <= keep) break;
        lock.unlock();
        if (o_.format == "ndjson") out_.flush();
        lock.lock();
        target_ = window_.size() - 1 - std::min(window_.size() - 1, keep / 2);
        settling_ = true;
        done_cv_.wait(lock, [this] { return window_.front().done && window_[target_].done; });
        settling_ = false;
      }
      Outcome o = std::move(window_.front().outcome);
      window_.pop_front();
      --taken_;
      lock.unlock();
      Commit(std::move(o));
      lock.lock();
    }
    if (window_.empty() && o_.format == "ndjson") out_.flush();
  }

  // Items handed to the workers and not yet taken, oldest first.
  struct Slot {
    Item item;
    Outcome outcome;  // once `done`
    bool done = false;
  };
  std::mutex mu_;  // guards the window, the slots' outcomes and the counts and flags below
  std::condition_variable work_cv_, done_cv_;
  std::deque<Slot> window_;
  size_t taken_ = 0;  // slots at the window's front that a worker has taken
  bool stop_ = false;
  size_t idle_ = 0;        // workers waiting for an item
  bool settling_ = false;  // the main thread waits for the front item and
  size_t target_ = 0;      // the one at this place in the window
  std::vector<std::jthread> workers_;
  size_t seen_ = 0, failed_ = 0;
  Counts counts_;
};

// The extractor with the packs the options name, or a message on stderr.
// The pipeline with the built-in pack (unless --no-builtin-rules) and
// --rules packs; null, with the reasons on stderr, when a pack cannot be
// read or, unless `lenient`, has a problem.
std::shared_ptr<const clusterkg::Extractor> MakeExtractor(const Options& o, bool lenient = false) {
  clusterkg::ExtractorOptions eo;
  eo.builtin_rules = !o.no_builtin;
  eo.load.max_bytes = o.max_bytes;
  eo.lenient_rules = lenient;
  for (const std::string& path : o.rules) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "clusterkg: " << path << ": cannot open rule pack\n";
      return nullptr;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    eo.rules.push_back({path, ss.str()});
  }
  auto ex = clusterkg::Extractor::Create(eo);
  if (!ex.ok()) {
    std::cerr << "clusterkg: rule pack:\n" << ex.status().message() << "\n";
    return nullptr;
  }
  return ex.value();
}

void ReadAll(const Options& o, Run& run) {
  std::vector<clusterkg::Status> errors;
  const auto files = clusterkg::CollectInputFiles(o.inputs, &errors);
  for (const auto& e : errors) run.Report(e);
  for (const std::string& f : files) run.ReadInput(f);
}

// Every input, read into one graph (stats, path).
clusterkg::KnowledgeGraph ReadGraph(const Options& o, Run& run) {
  ReadAll(o, run);
  return run.BuildGraph();
}

// Reads the records of every input (merge): files and directories of
// JSON-LD or NDJSON that extract or merge wrote, "-" for standard input.
// An article read twice (the same id and url) is kept once.
void ReadAllRecords(const Options& o, const clusterkg::Extractor& ex, Run& run) {
  std::vector<clusterkg::Status> errors;
  const auto files = clusterkg::CollectInputFiles(o.inputs, &errors);
  for (const auto& e : errors) run.Report(e);
  // (id, url) -> (source, hash of the input bytes)
  std::map<std::pair<std::string, std::string>, std::pair<std::string, size_t>> seen;
  for (const std::string& f : files) {
    std::vector<clusterkg::Status> problems;
    size_t repeated = 0;
    std::string first_repeat;
    // one article at a time, as it is read
    auto take = [&](clusterkg::Article&& a) {
      const size_t hash = std::hash<std::string>()(a.doc.raw);
      auto [it, fresh] = seen.emplace(std::make_pair(a.doc.id, a.doc.url), std::make_pair(f, hash));
      if (!fresh && it->second.second != hash) {
        // two articles under one id (JSONL records without "id" read from
        // standard input in two shards are both "<stdin>:1")
        problems.push_back(clusterkg::InvalidArgumentError(
            f + ": " + a.doc.url + ": another article with this id was read from " +
            it->second.first + "; left out (give every JSONL record its own \"id\")"));
        return;
      }
      if (!fresh) {
        if (repeated++ == 0) {
          first_repeat = a.doc.url + " (first read from " + it->second.first + ")";
        }
        return;
      }
      const std::string where = a.doc.url;
      run.Take(std::move(a), where);
    };
    if (f == "-") {
      clusterkg::ForEachRecord(std::cin, "<stdin>", ex.rules(), &problems, take);
    } else {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        run.Report(clusterkg::IoError(f + ": cannot open for reading"));
        continue;
      }
      clusterkg::ForEachRecord(in, f, ex.rules(), &problems, take);
    }
    for (const auto& p : problems) run.Report(p);
    if (repeated && !o.quiet) {
      std::cerr << "clusterkg: " << f << ": " << repeated
                << " articles already read were kept once, e.g. " << first_repeat << "\n";
    }
  }
}

int Extract(const Options& o, bool merge = false) {
  if (o.format == "html" && !clusterkg::HtmlWriter::Available()) {
    std::cerr << "clusterkg: --format html: this clusterkg was built without the web viewer; "
                 "run scripts/setup.sh, then configure and build again\n";
    return 2;
  }
  auto ex = MakeExtractor(o);
  if (!ex) return 2;
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
  Run run(o, ex, *out, /*spool=*/true);
  if (merge) {
    ReadAllRecords(o, *ex, run);
  } else {
    ReadAll(o, run);
  }
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

std::string Names(const clusterkg::KnowledgeGraph& g, const std::vector<clusterkg::EntityId>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : "、") + g.entities()[id].name;
  return out.empty() ? "-" : out;
}

nlohmann::json NamesJson(const clusterkg::KnowledgeGraph& g,
                         const std::vector<clusterkg::EntityId>& ids) {
  nlohmann::json out = nlohmann::json::array();
  for (auto id : ids) out.push_back(g.entities()[id].name);
  return out;
}

// clusterkg stats: counts, rankings, components and cluster profiles.
int Stats(Options o, bool as_json, size_t top) {
  o.format = "jsonld";
  auto ex = MakeExtractor(o);
  if (!ex) return 2;
  Run run(o, ex, std::cout);
  const auto g = ReadGraph(o, run);
  const auto s = clusterkg::ComputeStats(g, {.top = top});
  const auto profiles = clusterkg::ClusterProfiles(g);
  auto ranking = [&](const std::vector<clusterkg::EntityScore>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& e : v) {
      a.push_back({{"name", g.entities()[e.id].name},
                   {"type", clusterkg::EntityTypeName(g.entities()[e.id].type)},
                   {"value", e.value}});
    }
    return a;
  };
  nlohmann::json j;
  j["articles"] = s.articles;
  j["entities"] = s.entities;
  j["relations"] = s.relations;
  for (size_t t = 0; t < s.by_type.size(); ++t) {
    if (s.by_type[t]) {
      j["entities_by_type"]
       [std::string(clusterkg::EntityTypeName(static_cast<clusterkg::EntityType>(t)))] =
           s.by_type[t];
    }
  }
  for (size_t t = 0; t < s.by_relation.size(); ++t) {
    if (s.by_relation[t]) {
      j["relations_by_type"]
       [std::string(clusterkg::RelationTypeName(static_cast<clusterkg::RelationType>(t)))] =
           s.by_relation[t];
    }
  }
  j["top_mentions"] = ranking(s.top_mentions);
  j["top_degree"] = ranking(s.top_degree);
  j["top_betweenness"] = ranking(s.top_betweenness);
  j["components"] = s.component_sizes;
  j["clusters"] = nlohmann::json::array();
  for (const auto& p : profiles) {
    nlohmann::json c{{"name", g.entities()[p.cluster].name},
                     {"places", NamesJson(g, p.places)},
                     {"promotion_agencies", NamesJson(g, p.promotion_agencies)},
                     {"leading_enterprises", NamesJson(g, p.leading_enterprises)},
                     {"industries", NamesJson(g, p.industries)},
                     {"policies", NamesJson(g, p.policies)},
                     {"articles", nlohmann::json::array()}};
    for (size_t a : p.articles) c["articles"].push_back(g.articles()[a].url);
    j["clusters"].push_back(std::move(c));
  }
  if (as_json) {
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return run.failed() ? 1 : 0;
  }
  std::cout << s.articles << " articles, " << s.entities << " entities, " << s.relations
            << " relations\n";
  auto counts = [&](const char* title, const nlohmann::json& m) {
    std::cout << title;
    const char* sep = " ";
    for (const auto& [k, v] : m.items()) {
      std::cout << sep << k << " " << v;
      sep = ", ";
    }
    std::cout << "\n";
  };
  counts("entities: ", j["entities_by_type"]);
  counts("relations:", j["relations_by_type"]);
  auto rank = [&](const char* title, const std::vector<clusterkg::EntityScore>& v, int precision) {
    std::cout << title << "\n";
    int i = 0;
    for (const auto& e : v) {
      std::ostringstream value;
      value.setf(std::ios::fixed);
      value.precision(precision);
      value << e.value;
      std::cout << "  " << ++i << ". " << g.entities()[e.id].name << " ("
                << clusterkg::EntityTypeName(g.entities()[e.id].type) << ") " << value.str()
                << "\n";
    }
  };
  rank("most mentioned:", s.top_mentions, 0);
  rank("most connected (degree):", s.top_degree, 0);
  rank("most central (betweenness):", s.top_betweenness, 1);
  std::cout << "components: " << s.component_sizes.size() << " (sizes";
  for (size_t i = 0; i < s.component_sizes.size() && i < 10; ++i)
    std::cout << " " << s.component_sizes[i];
  std::cout << (s.component_sizes.size() > 10 ? " ...)" : ")") << "\n";
  std::cout << "clusters:\n";
  for (const auto& p : profiles) {
    std::cout << "  " << g.entities()[p.cluster].name << "\n"
              << "    place: " << Names(g, p.places) << "\n"
              << "    promotion agency: " << Names(g, p.promotion_agencies) << "\n"
              << "    leading enterprises: " << Names(g, p.leading_enterprises) << "\n"
              << "    industries: " << Names(g, p.industries) << "\n"
              << "    policies: " << Names(g, p.policies) << "\n"
              << "    articles: " << p.articles.size() << "\n";
  }
  return run.failed() ? 1 : 0;
}

// clusterkg path: how two entities connect.
int Path(Options o, const std::string& from, const std::string& to, bool as_json) {
  o.format = "jsonld";
  auto ex = MakeExtractor(o);
  if (!ex) return 2;
  Run run(o, ex, std::cout);
  const auto g = ReadGraph(o, run);
  const auto a = clusterkg::FindEntity(g, ex->normalizer().Normalize(from));
  const auto b = clusterkg::FindEntity(g, ex->normalizer().Normalize(to));
  for (const auto& [name, id] : {std::make_pair(from, a), std::make_pair(to, b)}) {
    if (!id) {
      std::cerr << "clusterkg: no entity named \"" << name << "\"\n";
      return 1;
    }
  }
  const auto path = clusterkg::ShortestPath(g, *a, *b);
  if (path.empty()) {
    std::cerr << "clusterkg: no path from " << from << " to " << to << "\n";
    return 1;
  }
  auto describe = [&](clusterkg::KnowledgeGraph::Vertex v) -> std::pair<std::string, std::string> {
    const auto& p = g.graph()[v];
    if (p.is_article) {
      const auto& art = g.articles()[p.index];
      return {art.headline.empty() ? art.url : art.headline, "NewsArticle"};
    }
    const auto& e = g.entities()[p.index];
    return {e.name, std::string(clusterkg::EntityTypeName(e.type))};
  };
  if (as_json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& step : path) {
      const auto [name, type] = describe(step.vertex);
      j.push_back({{"name", name}, {"type", type}, {"via", step.via}});
    }
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  for (const auto& step : path) {
    const auto [name, type] = describe(step.vertex);
    if (!step.via.empty()) std::cout << "  --" << step.via << "--> ";
    std::cout << name << " (" << type << ")\n";
  }
  return 0;
}

// clusterkg rules check / rules test: the packs in o.rules. `check`
// compiles leniently and reports every problem of the packs and then every
// failing example of their rules; `test` runs the examples (of the
// built-in pack when no pack is given). Exit 0 when all is well, 1 when
// something is reported, 2 when a pack cannot be read (or, for test, has a
// problem).
int Rules(const Options& o, bool check, bool require_examples) {
  auto ex = MakeExtractor(o, check);
  if (!ex) return 2;
  size_t problems = 0;
  for (const std::string& p : ex->rules().problems()) {
    std::cerr << p << "\n";
    ++problems;
  }
  const std::set<std::string> files(o.rules.begin(), o.rules.end());
  clusterkg::ExampleOptions eo;
  eo.require_examples = require_examples;
  if (!files.empty()) eo.which = [&](const clusterkg::Rule& r) { return files.count(r.file) > 0; };
  const clusterkg::ExampleReport report = clusterkg::RunRuleExamples(*ex, eo);
  for (const auto& f : report.failures) std::cerr << f.ToString() << "\n";
  problems += report.failures.size();
  std::cout << (files.empty() ? std::string("built-in pack")
                              : std::to_string(files.size()) + " pack(s)")
            << ": " << report.rules << " rules, " << report.examples << " examples";
  if (check) std::cout << ", " << ex->rules().problems().size() << " problems in the packs";
  std::cout << ", " << report.failures.size() << " failing examples\n";
  return problems ? 1 : 0;
}

// clusterkg explain: each article's sentences, mentions (with the
// candidates they beat), aliases and relations, with the rules.
int Explain(const Options& o, bool as_json) {
  auto ex = MakeExtractor(o);
  if (!ex) return 2;
  int status = 0;
  auto explain = [&](clusterkg::Result<clusterkg::Document> doc) {
    if (!doc.ok()) {
      std::cerr << "clusterkg: " << doc.status().message() << "\n";
      status = 1;
      return;
    }
    const clusterkg::Explanation e = clusterkg::Explain(*ex, std::move(doc).value());
    if (as_json) {
      std::cout << clusterkg::ExplanationJson(e, -1) << "\n";
    } else {
      std::cout << clusterkg::ExplanationText(e) << "\n";
    }
  };
  std::vector<clusterkg::Status> errors;
  const auto files = clusterkg::CollectInputFiles(o.inputs, &errors);
  for (const auto& e : errors) {
    std::cerr << "clusterkg: " << e.message() << "\n";
    status = 1;
  }
  for (const std::string& f : files) {
    if (!EndsWith(f, ".jsonl")) {
      explain(clusterkg::LoadFile(f, ex->options().load));
      continue;
    }
    std::ifstream in(f, std::ios::binary);
    std::string line;
    for (size_t no = 1; std::getline(in, line); ++no) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      explain(clusterkg::LoadJsonRecord(line, f, no, ex->options().load));
    }
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"clusterkg: Chinese industrial-cluster news to a knowledge graph"};
  app.require_subcommand(1);
  Options o;
  auto add_inputs = [&](CLI::App* sub) {
    sub->add_option("-r,--rules", o.rules,
                    "Extra rule pack (YAML rules or .tsv gazetteer); repeatable")
        ->allow_extra_args(false);
    sub->add_flag("--no-builtin-rules", o.no_builtin, "Use only the packs given with --rules");
    sub->add_option("--max-bytes", o.max_bytes, "Largest article (or JSONL record) read, in bytes")
        ->capture_default_str();
    sub->add_option("-j,--jobs", o.jobs,
                    "Threads extracting articles (default: the number of cores); the output "
                    "is the same for any number")
        ->check(CLI::Range(1, 256));
  };
  CLI::App* extract = app.add_subcommand("extract", "Extract entities and relations from articles");
  extract->add_option("-f,--format", o.format, "Output format")
      ->check(CLI::IsMember({"jsonld", "ndjson", "graphml", "dot", "html"}))
      ->capture_default_str();
  extract->add_option("-o,--output", o.output, "Output file (default: standard output)");
  add_inputs(extract);
  extract->add_flag("-s,--summary", o.summary, "Print a summary on stderr (default with -o)");
  extract->add_flag("-q,--quiet", o.quiet, "No summary");
  extract->add_flag("--no-record", o.no_record,
                    "Leave out each article's ckg:record (smaller; cannot be merged)");
  extract->add_option("inputs", o.inputs, "Files, directories, or - for JSONL on stdin")
      ->required();

  CLI::App* merge = app.add_subcommand(
      "merge", "Combine outputs of separate extract runs into the graph of one run");
  merge->add_option("-f,--format", o.format, "Output format")
      ->check(CLI::IsMember({"jsonld", "ndjson", "graphml", "dot", "html"}))
      ->capture_default_str();
  merge->add_option("-o,--output", o.output, "Output file (default: standard output)");
  merge->add_option("-r,--rules", o.rules, "The extra rule packs the extraction used; repeatable")
      ->allow_extra_args(false);
  merge->add_flag("--no-builtin-rules", o.no_builtin, "The extraction used only --rules packs");
  merge->add_option("-j,--jobs", o.jobs, "Threads matching again (default: the number of cores)")
      ->check(CLI::Range(1, 256));
  merge->add_flag("-s,--summary", o.summary, "Print a summary on stderr (default with -o)");
  merge->add_flag("-q,--quiet", o.quiet, "No summary");
  merge->add_flag("--no-record", o.no_record, "Leave out each article's ckg:record");
  merge
      ->add_option("inputs", o.inputs,
                   "JSON-LD or NDJSON files (or directories) that extract or merge wrote, or -")
      ->required();

  bool as_json = false;
  size_t top = 10;
  CLI::App* stats = app.add_subcommand(
      "stats", "Counts, central entities, components and cluster profiles of articles");
  add_inputs(stats);
  stats->add_flag("--json", as_json, "Write JSON");
  stats->add_option("--top", top, "Entities per ranking")->capture_default_str();
  stats->add_option("inputs", o.inputs, "Files, directories, or - for JSONL on stdin")->required();

  std::string from, to;
  CLI::App* path = app.add_subcommand("path", "The shortest connection between two entities");
  add_inputs(path);
  path->add_flag("--json", as_json, "Write JSON");
  path->add_option("from", from, "Name or alias of the first entity")->required();
  path->add_option("to", to, "Name or alias of the second entity")->required();
  path->add_option("inputs", o.inputs, "Files, directories, or - for JSONL on stdin")->required();

  CLI::App* rules = app.add_subcommand("rules", "Check rule packs and run their examples");
  rules->require_subcommand(1);
  bool require_examples = false;
  CLI::App* check = rules->add_subcommand(
      "check", "Compile packs and report every problem, then every failing example");
  check->add_flag("--no-builtin-rules", o.no_builtin,
                  "Compile the packs alone, not on top of the built-in pack");
  check->add_flag("--require-examples", require_examples,
                  "A rule without an example or a counter example is a problem");
  check->add_option("packs", o.rules, "YAML rule files and .tsv gazetteers")->required();
  CLI::App* test = rules->add_subcommand(
      "test", "Run the examples of the packs' rules (of the built-in pack when none is given)");
  test->add_flag("--no-builtin-rules", o.no_builtin, "Load the packs alone");
  test->add_flag("--require-examples", require_examples,
                 "A rule without an example or a counter example fails");
  test->add_option("packs", o.rules, "YAML rule files and .tsv gazetteers");

  CLI::App* explain = app.add_subcommand(
      "explain", "Show each sentence's mentions, relations and aliases, with the rules");
  explain
      ->add_option("-r,--rules", o.rules,
                   "Extra rule pack (YAML rules or .tsv gazetteer); repeatable")
      ->allow_extra_args(false);
  explain->add_flag("--no-builtin-rules", o.no_builtin, "Use only the packs given with --rules");
  explain->add_flag("--json", as_json, "Write one JSON object per article");
  explain->add_option("articles", o.inputs, "Article files or directories (.jsonl: every line)")
      ->required();

  app.set_version_flag("--version", CLUSTERKG_VERSION);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; usage errors exit 2, as docs/errors.md says
    return app.exit(e) == 0 ? 0 : 2;
  }
#ifdef CLUSTERKG_TCMALLOC
  // tcmalloc (CMake option CLUSTERKG_TCMALLOC): pages freed go back to the
  // system at once, which lowers the peak of whole-graph runs by about 7%.
  // Not when streaming NDJSON, whose memory stays flat anyway: there the
  // workers' articles are freed by the writing thread, and giving their
  // pages back and faulting them in again cost 14% of the time with -j 2.
  if (!(extract->parsed() && o.format == "ndjson")) {
    MallocExtension::instance()->SetNumericProperty("tcmalloc.aggressive_memory_decommit", 1);
  }
#endif
  if (extract->parsed()) return Extract(o);
  if (merge->parsed()) return Extract(o, /*merge=*/true);
  if (stats->parsed()) return Stats(o, as_json, top);
  if (path->parsed()) return Path(o, from, to, as_json);
  if (check->parsed()) return Rules(o, /*check=*/true, require_examples);
  if (test->parsed()) return Rules(o, /*check=*/false, require_examples);
  if (explain->parsed()) return Explain(o, as_json);
  return 2;
}
