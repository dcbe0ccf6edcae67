// The facade that owns the shared resources and runs one article's stages.
#include "clusterkg/extractor.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <set>

#include "clusterkg/match.h"
#include "internal/alias_scan.h"
#include "internal/worker_pool.h"

namespace clusterkg {

Result<std::shared_ptr<const Extractor>> Extractor::Create(const ExtractorOptions& options) {
  auto norm = Normalizer::Create(options.normalize);
  if (!norm.ok()) return norm.status();
  std::vector<RuleSource> sources;
  if (options.builtin_rules) sources = BuiltinRuleSources();
  sources.insert(sources.end(), options.rules.begin(), options.rules.end());
  auto pack = RulePack::Compile(sources, *norm.value(), options.lenient_rules);
  if (!pack.ok()) return pack.status();
  auto matcher = Matcher::Create(pack.value(), options.segment);
  if (!matcher.ok()) return matcher.status();
  std::shared_ptr<Extractor> ex(new Extractor());
  ex->options_ = options;
  // the loader drops chrome by the pack's page words (built-in and added);
  // a pack with none (--no-builtin-rules) keeps the built-in ones
  const PageWords& pw = *pack.value()->page_words();
  const bool any = !pw.chrome.empty() || !pw.chrome_start.empty() || !pw.copyright.empty() ||
                   !pw.related_heading.empty() || !pw.end_of_story.empty() ||
                   !pw.chrome_class.empty();
  if (!ex->options_.load.page_words && any) {
    ex->options_.load.page_words = pack.value()->page_words();
  }
  ex->normalizer_ = norm.value();
  ex->matcher_ = matcher.value();
  return std::shared_ptr<const Extractor>(std::move(ex));
}

const RulePack& Extractor::rules() const { return matcher_->pack(); }

void Extractor::Rematch(Article& article, const std::vector<KnownAlias>& known) const {
  if (!article.first_match) {
    article.first_match = std::make_shared<const MatchResult>(std::move(article.match));
  }
  article.match = matcher_->Match(article.doc, known);
}

namespace internal {

void AppendDeclaredAliases(const Article& a, std::vector<KnownAlias>& out) {
  const MatchResult& first = a.FirstMatch();
  for (const AliasLink& l : first.aliases) {
    out.push_back({l.alias, first.mentions[l.mention].type});
  }
  for (const Mention& m : first.mentions) {
    for (const std::string& al : m.aliases) out.push_back({al, m.type});
  }
}

AliasScan::AliasScan(std::vector<KnownAlias> known) : known_(std::move(known)) {
  for (size_t k = 0; k < known_.size(); ++k) {
    if (!known_[k].alias.empty())
      by_first_[static_cast<unsigned char>(known_[k].alias[0])].push_back(k);
  }
}

bool AliasScan::Apply(const Extractor& extractor, Article& a) const {
  if (known_.empty()) return false;
  const std::string_view text = a.doc.text;
  std::vector<char> present(known_.size());
  bool any = false;
  for (size_t p = 0; p < text.size(); ++p) {
    for (size_t k : by_first_[static_cast<unsigned char>(text[p])]) {
      if (!present[k] && text.compare(p, known_[k].alias.size(), known_[k].alias) == 0) {
        present[k] = 1;
        any = true;
      }
    }
  }
  if (!any) return false;
  // the known names this article contains but does not already find
  // (against the first match, so that applying twice changes nothing)
  const MatchResult& first = a.FirstMatch();
  std::set<std::string_view> found;
  for (const Mention& m : first.mentions) found.insert(m.name);
  std::vector<KnownAlias> missing;
  for (size_t k = 0; k < known_.size(); ++k) {
    if (present[k] && !found.count(known_[k].alias)) missing.push_back(known_[k]);
  }
  if (missing.empty()) return false;
  extractor.Rematch(a, missing);
  return true;
}

}  // namespace internal

std::vector<KnownAlias> CorpusAliases(const std::vector<Article>& articles) {
  std::vector<KnownAlias> out;
  for (const Article& a : articles) internal::AppendDeclaredAliases(a, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t ApplyCorpusAliases(const Extractor& extractor, std::vector<Article>& articles,
                          size_t threads) {
  const internal::AliasScan scan(CorpusAliases(articles));
  if (scan.empty()) return 0;
  std::atomic<size_t> next{0}, rematched{0};
  auto work = [&](size_t) {
    for (size_t i; (i = next.fetch_add(1)) < articles.size();) {
      if (scan.Apply(extractor, articles[i])) ++rematched;
    }
  };
  const size_t n = std::min(std::max<size_t>(threads, 1), std::max<size_t>(articles.size(), 1));
  internal::WorkerPool(n - 1).Parallel(n, work);
  return rematched;
}

Article Extractor::Process(Document doc) const {
  normalizer_->Apply(doc);
  Article a;
  a.match = matcher_->Match(doc);
  a.doc = std::move(doc);
  return a;
}

Result<Article> Extractor::ExtractFile(const std::string& path) const {
  auto doc = LoadFile(path, options_.load);
  if (!doc.ok()) return doc.status();
  return Process(std::move(doc).value());
}

Result<Article> Extractor::ExtractString(std::string raw, std::string source) const {
  auto doc = LoadString(std::move(raw), std::move(source), options_.load);
  if (!doc.ok()) return doc.status();
  return Process(std::move(doc).value());
}

Result<Article> Extractor::ExtractJsonRecord(std::string_view line, const std::string& source,
                                             size_t line_no) const {
  auto doc = LoadJsonRecord(line, source, line_no, options_.load);
  if (!doc.ok()) return doc.status();
  return Process(std::move(doc).value());
}

std::vector<std::string> CollectInputFiles(const std::vector<std::string>& inputs,
                                           std::vector<Status>* errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in == "-") {
      out.push_back(in);
    } else if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        if (errors) errors->push_back(IoError(in + ": " + ec.message()));
        continue;
      }
      for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        if (p.filename().string().rfind('.', 0) == 0) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) found.push_back(p.string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(in, ec)) {
      out.push_back(in);
    } else if (errors) {
      errors->push_back(NotFoundError(in + ": no such file or directory"));
    }
  }
  return out;
}

}  // namespace clusterkg
