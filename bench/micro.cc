// Micro-benchmarks of each stage (Google Benchmark, Debian libbenchmark-dev)
// over the sample articles: load, normalise, segment, match, resolve and
// export. Throughput is in bytes of the original input per second.
//
//   cmake --preset release && cmake --build --preset release
//   build-release/bin/clusterkg-micro-bench
#include <benchmark/benchmark.h>

#include <sstream>

#include "clusterkg/clusterkg.h"

namespace {

using clusterkg::Article;
using clusterkg::Document;

const clusterkg::Extractor& Ex() {
  static const auto ex = clusterkg::Extractor::Create().value();
  return *ex;
}

std::string Sample(const char* name) {
  const std::string path = std::string(CLUSTERKG_SOURCE_DIR) + "/examples/articles/" + name;
  return clusterkg::LoadFile(path).value().raw;
}

const std::string& Text() {
  static const std::string s = Sample("01-suzhou-nano.txt");
  return s;
}
const std::string& Html() {
  static const std::string s = Sample("02-wuhan-optics.html");
  return s;
}

Document Loaded(const std::string& raw, const char* source) {
  return clusterkg::LoadString(raw, source).value();
}

void BM_LoadText(benchmark::State& st) {
  for (auto _ : st) benchmark::DoNotOptimize(clusterkg::LoadString(Text(), "a.txt"));
  st.SetBytesProcessed(int64_t(st.iterations()) * Text().size());
}
BENCHMARK(BM_LoadText);

void BM_LoadHtml(benchmark::State& st) {
  for (auto _ : st) benchmark::DoNotOptimize(clusterkg::LoadString(Html(), "a.html"));
  st.SetBytesProcessed(int64_t(st.iterations()) * Html().size());
}
BENCHMARK(BM_LoadHtml);

void BM_Normalize(benchmark::State& st) {
  const Document d = Loaded(Text(), "a.txt");
  const clusterkg::Normalizer& norm = Ex().normalizer();  // built outside the timing
  for (auto _ : st) {
    Document copy = d;
    norm.Apply(copy);
    benchmark::DoNotOptimize(copy.text.data());
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * Text().size());
}
BENCHMARK(BM_Normalize);

void BM_Segment(benchmark::State& st) {
  const Article a = Ex().ExtractString(Text(), "a.txt").value();
  for (auto _ : st) benchmark::DoNotOptimize(clusterkg::Segment(a.doc.text));
  st.SetBytesProcessed(int64_t(st.iterations()) * Text().size());
}
BENCHMARK(BM_Segment);

void BM_Match(benchmark::State& st) {
  Article a = Ex().ExtractString(Text(), "a.txt").value();
  for (auto _ : st) {
    Ex().Rematch(a, {});
    benchmark::DoNotOptimize(a.match.mentions.data());
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * Text().size());
}
BENCHMARK(BM_Match);

void BM_ResolveAndGraph(benchmark::State& st) {
  const std::vector<Article> one{Ex().ExtractString(Text(), "a.txt").value()};
  for (auto _ : st) benchmark::DoNotOptimize(clusterkg::KnowledgeGraph::Build(one, Ex().rules()));
  st.SetBytesProcessed(int64_t(st.iterations()) * Text().size());
}
BENCHMARK(BM_ResolveAndGraph);

void BM_ExportJsonLd(benchmark::State& st) {
  const std::vector<Article> one{Ex().ExtractString(Text(), "a.txt").value()};
  const auto g = clusterkg::KnowledgeGraph::Build(one, Ex().rules(), {.records = true});
  for (auto _ : st) {
    std::ostringstream out;
    (void)clusterkg::JsonLdWriter({.indent = -1}).Write(g, out);
    benchmark::DoNotOptimize(out.str().size());
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * Text().size());
}
BENCHMARK(BM_ExportJsonLd);

void BM_WholeArticle(benchmark::State& st) {
  for (auto _ : st) {
    std::vector<Article> one{Ex().ExtractString(Text(), "a.txt").value()};
    const auto g = clusterkg::KnowledgeGraph::Build(one, Ex().rules(), {.records = true});
    std::ostringstream out;
    (void)clusterkg::JsonLdWriter({.indent = -1}).Write(g, out);
    benchmark::DoNotOptimize(out.str().size());
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * Text().size());
}
BENCHMARK(BM_WholeArticle);

}  // namespace

BENCHMARK_MAIN();
