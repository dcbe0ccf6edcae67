// The spooled corpus: records in a temporary file, resolution in two passes
// over them (internal/resolver.h), mentions and evidence scattered on disk
// into one region per entity and per relation, nodes written from there.
#include "clusterkg/spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <set>
#include <unordered_map>

#include "clusterkg/graph.h"
#include "clusterkg/record.h"
#include "internal/alias_scan.h"
#include "internal/entity_iri.h"
#include "internal/jsonld_nodes.h"
#include "internal/resolver.h"
#include "internal/worker_pool.h"

namespace clusterkg {
namespace {

// An unlinked temporary file, appended to through a buffer and read at
// offsets.
class TempFile {
 public:
  TempFile() = default;
  ~TempFile() { Close(); }
  // Gives the disk space back (the file was unlinked when made).
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    std::string().swap(buf_);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  Status Open(const std::string& dir) {
    dir_ = dir;
    std::string path = dir + "/clusterkg-spool-XXXXXX";
    fd_ = ::mkstemp(path.data());
    if (fd_ < 0) return Error("cannot make a temporary file");
    ::unlink(path.c_str());
    return OkStatus();
  }
  uint64_t size() const { return written_ + buf_.size(); }
  // How many bytes Append gathers before it writes them.
  void set_buffer(size_t bytes) { buffer_ = bytes; }
  Status Append(std::string_view s) {
    buf_.append(s);
    return buf_.size() >= buffer_ ? Flush() : OkStatus();
  }
  Status Flush() {
    const Status st = WriteAt(written_, buf_);
    written_ += buf_.size();
    buf_.clear();
    return st;
  }
  Status WriteAt(uint64_t off, std::string_view s) const {
    while (!s.empty()) {
      const ssize_t n = ::pwrite(fd_, s.data(), s.size(), static_cast<off_t>(off));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return Error("write failed");
      s.remove_prefix(static_cast<size_t>(n));
      off += static_cast<uint64_t>(n);
    }
    return OkStatus();
  }
  // requires: Flush() since the bytes were appended. May run concurrently.
  Status ReadAt(uint64_t off, size_t len, std::string& out) const {
    out.resize(len);
    size_t got = 0;
    while (got < len) {
      const ssize_t n = ::pread(fd_, out.data() + got, len - got, static_cast<off_t>(off + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        return n == 0 ? InternalError("temporary file: read past its end") : Error("read failed");
      got += static_cast<size_t>(n);
    }
    return OkStatus();
  }

 private:
  Status Error(const char* what) const {
    return IoError(dir_ + ": temporary file: " + what + ": " + std::strerror(errno));
  }
  size_t buffer_ = size_t{1} << 20;
  int fd_ = -1;
  std::string dir_;
  std::string buf_;
  uint64_t written_ = 0;
};

// Binary fields: little-endian as the machine stores them (the files never
// leave the process).
void PutU32(std::string& s, uint32_t v) { s.append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutStr(std::string& s, std::string_view v) {
  PutU32(s, static_cast<uint32_t>(v.size()));
  s.append(v);
}
// Starts a framed record (a u32 length, then the payload) at the end of `s`;
// EndFrame writes its length.
size_t BeginFrame(std::string& s) {
  PutU32(s, 0);
  return s.size();
}
void EndFrame(std::string& s, size_t begin) {
  const auto n = static_cast<uint32_t>(s.size() - begin);
  std::memcpy(s.data() + begin - sizeof n, &n, sizeof n);
}

// Reads the fields Put* wrote; `ok` turns false past the end.
struct Cursor {
  std::string_view s;
  bool ok = true;
  template <typename T>
  T Get() {
    T v{};
    if (s.size() < sizeof v) {
      ok = false;
      return v;
    }
    std::memcpy(&v, s.data(), sizeof v);
    s.remove_prefix(sizeof v);
    return v;
  }
  std::string_view Str() {
    const auto n = Get<uint32_t>();
    if (s.size() < n) {
      ok = false;
      return {};
    }
    std::string_view v = s.substr(0, n);
    s.remove_prefix(n);
    return v;
  }
};

// Reads a TempFile's range [begin, end) in order, through a buffer.
class SeqReader {
 public:
  SeqReader(const TempFile& f, uint64_t begin, uint64_t end) : f_(f), pos_(begin), end_(end) {}
  bool AtEnd() const { return at_ == buf_.size() && pos_ == end_; }
  // The next `n` bytes, valid until the next call.
  Status Read(size_t n, std::string_view& out) {
    if (buf_.size() - at_ < n) {
      buf_.erase(0, at_);
      at_ = 0;
      const uint64_t want =
          std::min<uint64_t>(std::max<uint64_t>(n - buf_.size(), kChunk), end_ - pos_);
      if (buf_.size() + want < n)
        return InternalError("temporary file: a record runs past its end");
      if (Status st = f_.ReadAt(pos_, want, chunk_); !st.ok()) return st;
      buf_ += chunk_;
      pos_ += want;
    }
    out = std::string_view(buf_).substr(at_, n);
    at_ += n;
    return OkStatus();
  }
  // The next framed record's payload.
  Status Next(std::string_view& payload) {
    std::string_view len;
    if (Status st = Read(sizeof(uint32_t), len); !st.ok()) return st;
    uint32_t n;
    std::memcpy(&n, len.data(), sizeof n);
    return Read(n, payload);
  }

 private:
  static constexpr uint64_t kChunk = uint64_t{1} << 20;
  const TempFile& f_;
  uint64_t pos_, end_;
  std::string buf_, chunk_;
  size_t at_ = 0;
};

void PutIds(std::string& s, const std::vector<uint32_t>& ids) {
  const size_t f = BeginFrame(s);
  for (uint32_t id : ids) PutU32(s, id);
  EndFrame(s, f);
}
std::vector<uint32_t> GetIds(std::string_view payload) {
  std::vector<uint32_t> ids(payload.size() / sizeof(uint32_t));
  std::memcpy(ids.data(), payload.data(), ids.size() * sizeof(uint32_t));
  return ids;
}

// Each record of `raw` (a `tag_bytes` tag, at most 16 bytes, then a framed
// payload), in order.
Status ForEachTagged(const TempFile& raw, size_t tag_bytes,
                     const std::function<void(std::string_view tag, std::string_view payload)>& f) {
  SeqReader in(raw, 0, raw.size());
  while (!in.AtEnd()) {
    std::string_view tag, payload;
    if (Status st = in.Read(tag_bytes, tag); !st.ok()) return st;
    char t[16];  // the next read may move the buffer
    std::memcpy(t, tag.data(), std::min(tag.size(), sizeof t));
    if (Status st = in.Next(payload); !st.ok()) return st;
    f(std::string_view(t, tag.size()), payload);
  }
  return OkStatus();
}

// The windows' files' buffers share kScatterBuffers, each between 16 and
// 256 KiB.
constexpr uint64_t kScatterWindows = 256;
constexpr size_t kScatterBuffers = size_t{8} << 20;

// Copies the framed records of `raw` (each after a `tag_bytes` tag) into
// `out`, each framed at the cursor `cursor_of(tag)` names, which then moves
// past it. The cursors' regions lie end to end in [0, total).
//
// `out` is made a window of about `window` bytes at a time, put
// together in memory and written at once: few large writes, and memory
// bounded by the window, whatever the number of regions. A record belongs
// to the window its start falls in (the window runs on to its end). With
// more than one window, each record first goes, with where it starts, to
// a file of its window's (appended in order), and each window is then put
// together from its file. `raw` is closed once read.
Status Scatter(TempFile& raw, size_t tag_bytes,
               const std::function<uint64_t*(std::string_view tag)>& cursor_of, uint64_t total,
               uint64_t window_bytes, const std::string& dir, TempFile& out) {
  // at most kScatterWindows windows: a file each
  window_bytes = std::max<uint64_t>(window_bytes, total / kScatterWindows + 1);
  const size_t windows = static_cast<size_t>((total + window_bytes - 1) / window_bytes);
  // per window: where its first record starts and its last one ends
  std::vector<uint64_t> window_begin(windows, UINT64_MAX), window_end(windows, 0);
  std::string window;
  if (windows <= 1) {
    window.reserve(static_cast<size_t>(total));
    Status read = ForEachTagged(raw, tag_bytes, [&](std::string_view tag, std::string_view p) {
      uint64_t* cursor = cursor_of(tag);
      const uint64_t at = *cursor;
      *cursor += sizeof(uint32_t) + p.size();
      const size_t need = static_cast<size_t>(*cursor);
      if (window.size() < need) window.resize(need);
      const auto n = static_cast<uint32_t>(p.size());
      std::memcpy(window.data() + at, &n, sizeof n);
      std::memcpy(window.data() + at + sizeof n, p.data(), p.size());
    });
    if (!read.ok()) return read;
    raw.Close();
    return out.WriteAt(0, window);
  }
  std::vector<TempFile> parts(windows);
  for (TempFile& f : parts) {
    f.set_buffer(std::clamp(kScatterBuffers / windows, size_t{16} << 10, size_t{256} << 10));
    if (Status st = f.Open(dir); !st.ok()) return st;
  }
  Status written;
  std::string item;
  Status read = ForEachTagged(raw, tag_bytes, [&](std::string_view tag, std::string_view p) {
    uint64_t* cursor = cursor_of(tag);
    const uint64_t at = *cursor;
    *cursor += sizeof(uint32_t) + p.size();
    const auto w = static_cast<size_t>(std::min<uint64_t>(at / window_bytes, windows - 1));
    window_begin[w] = std::min(window_begin[w], at);
    window_end[w] = std::max(window_end[w], *cursor);
    item.clear();
    item.append(reinterpret_cast<const char*>(&at), sizeof at);
    PutStr(item, p);
    if (written.ok()) written = parts[w].Append(item);
  });
  if (!read.ok()) return read;
  if (!written.ok()) return written;
  raw.Close();  // (its disk space back before the windows are written)
  for (size_t w = 0; w < windows; ++w) {
    if (Status st = parts[w].Flush(); !st.ok()) return st;
    if (window_begin[w] == UINT64_MAX) continue;  // no record starts in it
    const uint64_t lo = window_begin[w];
    window.assign(static_cast<size_t>(window_end[w] - lo), '\0');
    Status r =
        ForEachTagged(parts[w], sizeof(uint64_t), [&](std::string_view tag, std::string_view p) {
          uint64_t at;
          std::memcpy(&at, tag.data(), sizeof at);
          const auto n = static_cast<uint32_t>(p.size());
          std::memcpy(window.data() + (at - lo), &n, sizeof n);
          std::memcpy(window.data() + (at - lo) + sizeof n, p.data(), p.size());
        });
    if (!r.ok()) return r;
    parts[w].Close();
    if (Status st = out.WriteAt(lo, window); !st.ok()) return st;
  }
  return OkStatus();
}

// The fields of a mention and of a piece of evidence, in file order: one
// list for writing and reading alike.
template <typename M, typename F>
void MentionFields(M& m, F&& f) {
  f(m.article), f(m.start), f(m.end), f(m.sentence), f(m.text), f(m.rule);
}
template <typename E, typename F>
void EvidenceFields(E& e, F&& f) {
  f(e.article), f(e.start), f(e.end), f(e.sentence), f(e.rule);
}
// Writes a field: a number as its bytes, a string with its length.
struct PutField {
  std::string& s;
  void operator()(const std::string& v) const { PutStr(s, v); }
  template <typename T>
  void operator()(const T& v) const {
    s.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
};
// Reads a field PutField wrote.
struct GetField {
  Cursor& c;
  void operator()(std::string& v) const { v = c.Str(); }
  template <typename T>
  void operator()(T& v) const {
    v = c.Get<T>();
  }
};
void PutMention(std::string& s, const EntityMention& m) { MentionFields(m, PutField{s}); }
EntityMention GetMention(Cursor& c) {
  EntityMention m;
  MentionFields(m, GetField{c});
  return m;
}
void PutEvidence(std::string& s, const Evidence& e) { EvidenceFields(e, PutField{s}); }
Evidence GetEvidence(Cursor& c) {
  Evidence e;
  EvidenceFields(e, GetField{c});
  return e;
}

// The records of a region: framed payloads one after another.
template <typename T>
Status ParseRegion(std::string_view bytes, T (*get)(Cursor&), std::vector<T>& out) {
  out.clear();
  Cursor c{bytes};
  while (c.ok && !c.s.empty()) {
    Cursor item{c.Str()};
    out.push_back(get(item));
    if (!item.ok) c.ok = false;
  }
  return c.ok ? OkStatus() : InternalError("temporary file: a record does not read back");
}

// The spool records of articles [lo, hi) (`where`: each one's offset and
// size), read at once when they lie in the file in that order, close
// together (as they do when the articles came in the order of their ids),
// else one by one.
class RecordBatch {
 public:
  Status Read(const TempFile& f, const std::vector<std::pair<uint64_t, uint32_t>>& where, size_t lo,
              size_t hi) {
    lo_ = lo;
    at_.clear();
    uint64_t bytes = 0;
    bool in_order = true;
    for (size_t k = lo; k < hi; ++k) {
      bytes += where[k].second;
      if (k > lo && where[k].first < where[k - 1].first + where[k - 1].second) in_order = false;
    }
    if (lo < hi && in_order) {
      const uint64_t begin = where[lo].first;
      const uint64_t span = where[hi - 1].first + where[hi - 1].second - begin;
      if (span <= 2 * bytes + (uint64_t{64} << 10)) {
        for (size_t k = lo; k < hi; ++k) at_.push_back(where[k].first - begin);
        return f.ReadAt(begin, span, bytes_);
      }
    }
    bytes_.clear();
    for (size_t k = lo; k < hi; ++k) {
      at_.push_back(bytes_.size());
      if (Status st = f.ReadAt(where[k].first, where[k].second, one_); !st.ok()) return st;
      bytes_ += one_;
    }
    return OkStatus();
  }
  // requires: the last Read was ok and held k
  std::string_view record(size_t k, uint32_t size) const {
    return std::string_view(bytes_).substr(at_[k - lo_], size);
  }

 private:
  std::string bytes_, one_;
  std::vector<uint64_t> at_;
  size_t lo_ = 0;
};

// Pass 2's sink: mentions, evidence and each article's entities to
// temporary files, with the bytes each entity and relation will take.
class DiskSink : public internal::ResolveSink {
 public:
  Status Open(const std::string& dir, size_t entities) {
    mention_bytes.assign(entities, 0);
    for (TempFile* f : {&mentions_raw, &evidence_raw, &article_entities}) {
      if (Status st = f->Open(dir); !st.ok()) return st;
    }
    return OkStatus();
  }
  void Mention(EntityId e, EntityMention&& m) override {
    scratch_.clear();
    PutU32(scratch_, e);
    const size_t f = BeginFrame(scratch_);
    PutMention(scratch_, m);
    EndFrame(scratch_, f);
    mention_bytes[e] += scratch_.size() - sizeof(uint32_t);
    Keep(mentions_raw.Append(scratch_));
  }
  void ArticleEntities(size_t, std::vector<EntityId>&& ids) override {
    scratch_.clear();
    PutIds(scratch_, ids);
    Keep(article_entities.Append(scratch_));
  }
  void Evidence(const internal::RelationKey& key, int phase, clusterkg::Evidence&& ev) override {
    scratch_.clear();
    PutU32(scratch_, static_cast<uint32_t>(std::get<0>(key)));
    PutU32(scratch_, std::get<1>(key));
    PutU32(scratch_, std::get<2>(key));
    PutU32(scratch_, static_cast<uint32_t>(phase));
    const size_t f = BeginFrame(scratch_);
    PutEvidence(scratch_, ev);
    EndFrame(scratch_, f);
    Keep(evidence_raw.Append(scratch_));
  }
  void Keep(Status st) {
    if (status.ok() && !st.ok()) status = std::move(st);
  }

  TempFile mentions_raw, evidence_raw, article_entities;
  std::vector<uint64_t> mention_bytes;  // per entity
  Status status;

 private:
  std::string scratch_;
};

constexpr size_t kTagBytes = 4 * sizeof(uint32_t);  // an evidence tag

// Where a relation's evidence goes: phase 0 from `begin`, then phase 1.
// The cursors first count each phase's bytes; once scattered, the region
// is [begin, cursor[1]).
struct Regions {
  uint64_t begin = 0;
  uint64_t cursor[2] = {0, 0};
};

}  // namespace

struct CorpusSpool::State {
  struct Entry {
    std::string id, url;
    uint64_t offset = 0;  // of the spool record's payload
    uint32_t bytes = 0;
  };
  std::shared_ptr<const Extractor> ex;
  SpoolOptions options;
  std::string dir;
  TempFile records;
  std::vector<Entry> entries;
  std::set<KnownAlias> aliases;
  Status broken;
  bool written = false;
  std::string scratch;
};

CorpusSpool::CorpusSpool(std::unique_ptr<State> s) : s_(std::move(s)) {}
CorpusSpool::~CorpusSpool() = default;

Result<std::unique_ptr<CorpusSpool>> CorpusSpool::Create(std::shared_ptr<const Extractor> extractor,
                                                         const SpoolOptions& options) {
  auto s = std::make_unique<State>();
  s->ex = std::move(extractor);
  s->options = options;
  s->dir = options.directory;
  if (s->dir.empty()) {
    const char* t = std::getenv("TMPDIR");
    s->dir = t && *t ? t : "/tmp";
  }
  if (Status st = s->records.Open(s->dir); !st.ok()) return st;
  return std::unique_ptr<CorpusSpool>(new CorpusSpool(std::move(s)));
}

SpooledArticle CorpusSpool::Encode(const Article& a, const RulePack& pack) {
  SpooledArticle out{
      a.doc.id, a.doc.url, a.doc.headline, a.doc.date, a.doc.author, EncodeRecordText(a, pack), {}};
  internal::AppendDeclaredAliases(a, out.aliases);
  return out;
}

Status CorpusSpool::Add(const Article& a) { return Add(Encode(a, s_->ex->rules())); }

size_t CorpusSpool::size() const { return s_->entries.size(); }

Status CorpusSpool::Add(SpooledArticle&& a) {
  State& s = *s_;
  if (!s.broken.ok()) return s.broken;
  if (s.written) return InvalidArgumentError("spool: already written");
  // lengths are 32-bit in the files (an article is at most
  // LoadOptions::max_bytes, 32 MiB unless raised)
  if (a.record.size() + a.id.size() + a.url.size() + a.headline.size() + a.date.size() +
          a.author.size() >=
      (uint64_t{1} << 31)) {
    return InvalidArgumentError(a.url + ": its record (" + std::to_string(a.record.size()) +
                                " bytes) is too large to spool; left out");
  }
  std::string& rec = s.scratch;
  rec.clear();
  const size_t f = BeginFrame(rec);
  for (const std::string* x : {&a.id, &a.url, &a.headline, &a.date, &a.author, &a.record}) {
    PutStr(rec, *x);
  }
  EndFrame(rec, f);
  s.entries.push_back({std::move(a.id), std::move(a.url), s.records.size() + f,
                       static_cast<uint32_t>(rec.size() - f)});
  for (KnownAlias& k : a.aliases) s.aliases.insert(std::move(k));
  s.broken = s.records.Append(rec);
  return s.broken;
}

Result<SpoolStats> CorpusSpool::WriteJsonLd(std::ostream& out, const JsonLdOptions& options) {
  State& s = *s_;
  if (!s.broken.ok()) return s.broken;
  if (s.written) return InvalidArgumentError("spool: already written");
  s.written = true;
  if (Status st = s.records.Flush(); !st.ok()) return st;
  const Extractor& ex = *s.ex;
  const RulePack& pack = ex.rules();

  // Articles in the order KnowledgeGraph::Build gives them: by (id, url),
  // ties in the order added. Then only their place in the file and @id stay.
  std::stable_sort(s.entries.begin(), s.entries.end(), [](const auto& x, const auto& y) {
    return std::tie(x.id, x.url) < std::tie(y.id, y.url);
  });
  const size_t n = s.entries.size();
  std::vector<std::pair<uint64_t, uint32_t>> where(n);
  std::string iris;  // the articles' @ids, one after another
  std::vector<uint64_t> iri_at(n + 1, 0);
  for (size_t k = 0; k < n; ++k) {
    where[k] = {s.entries[k].offset, s.entries[k].bytes};
    iris += ArticleIri(s.entries[k].id);
    iri_at[k + 1] = iris.size();
  }
  s.entries.clear();
  s.entries.shrink_to_fit();
  const internal::AliasScan scan({s.aliases.begin(), s.aliases.end()});
  s.aliases.clear();

  // The record of article k, decoded (and matched again with the corpus's
  // aliases where it needs them) in batches, handed to `take` in article
  // order. With more than one thread, the threads decode the next batch
  // while the calling thread hands over this one: `take` (resolution) runs
  // on the calling thread alone.
  const size_t threads = std::max<size_t>(1, s.options.threads);
  struct Batch {
    size_t lo = 0, hi = 0;
    RecordBatch records;
    Status read;  // of the records
    std::vector<Article> arts;
    std::vector<Status> errs;
    std::atomic<size_t> next{0};
  };
  auto decode = [&](Batch& b, size_t k) {
    Status& err = b.errs[k - b.lo];
    if (err = b.read; !err.ok()) return;
    Cursor c{b.records.record(k, where[k].second)};
    for (int skip = 0; skip < 5; ++skip) c.Str();
    const std::string_view record = c.Str();
    const std::string at = "spool: article " + std::to_string(k);
    try {
      auto a = DecodeRecordText(record, pack, at);
      if (!c.ok || !a.ok()) {
        err = InternalError(at + ": does not read back" +
                            (a.ok() ? "" : ": " + a.status().message()));
        return;
      }
      b.arts[k - b.lo] = std::move(a).value();
    } catch (const std::exception& e) {
      err = InternalError(at + ": does not read back: " + e.what());
      return;
    }
    scan.Apply(ex, b.arts[k - b.lo]);
  };
  auto work = [&decode](Batch& b) {
    for (size_t k; (k = b.next.fetch_add(1)) < b.hi;) decode(b, k);
  };
  // Sets b up for the articles from lo, and sets each of the pool's threads
  // decoding it (with no threads, the caller decodes it when it needs it).
  const size_t batch = 64 * threads;
  auto start = [&](Batch& b, size_t lo, internal::WorkerPool& pool) {
    b.lo = lo;
    b.hi = std::min(n, lo + batch);
    b.arts.assign(b.hi - lo, Article{});
    b.errs.assign(b.hi - lo, OkStatus());
    b.read = b.records.Read(s.records, where, b.lo, b.hi);
    b.next = lo;
    for (size_t t = 0; t < std::min(pool.size(), b.hi - lo); ++t) {
      pool.Post([&work, &b] { work(b); });
    }
  };
  auto for_each_article = [&](const std::function<Status(size_t, Article&)>& take) -> Status {
    Batch batches[2];
    // (declared after the batches: its tasks end before they go)
    internal::WorkerPool pool(threads == 1 ? 0 : threads);
    if (n > 0) start(batches[0], 0, pool);
    for (size_t lo = 0, cur = 0; lo < n; lo += batch, cur ^= 1) {
      Batch& b = batches[cur];
      if (threads == 1) {
        work(b);
      } else {
        pool.Wait();  // this batch is decoded
        if (b.hi < n) start(batches[cur ^ 1], b.hi, pool);
      }
      for (size_t k = b.lo; k < b.hi; ++k) {
        if (!b.errs[k - b.lo].ok()) return b.errs[k - b.lo];
        if (Status st = take(k, b.arts[k - b.lo]); !st.ok()) return st;
      }
      if (threads == 1 && b.hi < n) start(batches[cur ^ 1], b.hi, pool);
    }
    return OkStatus();
  };

  // Pass 1: names. The name nodes of each article's mentions go to a file.
  internal::Resolver r(pack);
  TempFile nodes;
  if (Status st = nodes.Open(s.dir); !st.ok()) return st;
  std::string scratch;
  Status st = for_each_article([&](size_t, Article& a) {
    scratch.clear();
    PutIds(scratch, r.AddNames(a));
    return nodes.Append(scratch);
  });
  if (!st.ok()) return st;
  if (st = nodes.Flush(); !st.ok()) return st;
  r.FinishNames();
  const std::vector<Entity>& entities = r.entities();

  // Pass 2: relations; mentions and evidence to disk.
  DiskSink sink;
  if (st = sink.Open(s.dir, entities.size()); !st.ok()) return st;
  {
    SeqReader node_ids(nodes, 0, nodes.size());
    st = for_each_article([&](size_t k, Article& a) {
      std::string_view ids;
      if (Status e = node_ids.Next(ids); !e.ok()) return e;
      r.AddRelations(a, k, GetIds(ids), sink);
      return sink.status;
    });
  }
  if (!st.ok()) return st;
  nodes.Close();
  for (TempFile* f : {&sink.mentions_raw, &sink.evidence_raw, &sink.article_entities}) {
    if (st = f->Flush(); !st.ok()) return st;
  }

  // Scatter: one region per entity (its mentions) and per relation (its
  // evidence, phase 0 then phase 1), in the order the nodes are written.
  TempFile by_entity, by_relation;
  if (st = by_entity.Open(s.dir); !st.ok()) return st;
  if (st = by_relation.Open(s.dir); !st.ok()) return st;
  std::vector<uint64_t> entity_begin(entities.size() + 1, 0), entity_cursor(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    entity_cursor[e] = entity_begin[e];
    entity_begin[e + 1] = entity_begin[e] + sink.mention_bytes[e];
  }
  st = Scatter(
      sink.mentions_raw, sizeof(uint32_t),
      [&](std::string_view tag) {
        EntityId e;
        std::memcpy(&e, tag.data(), sizeof e);
        return &entity_cursor[e];
      },
      entity_begin.back(), s.options.window, s.dir, by_entity);
  if (!st.ok()) return st;
  sink.mentions_raw.Close();
  const std::vector<internal::RelationKey> keys = r.TakeRelationKeys();  // sorted
  std::vector<Regions> regions(options.evidence ? keys.size() : 0);
  if (options.evidence) {
    // the relation and phase of a piece of evidence, from its tag
    auto region_of = [&](std::string_view tag, uint32_t* phase) -> Regions& {
      uint32_t f[4];
      std::memcpy(f, tag.data(), sizeof f);
      *phase = f[3];
      const internal::RelationKey k{static_cast<RelationType>(f[0]), f[1], f[2]};
      return regions[std::lower_bound(keys.begin(), keys.end(), k) - keys.begin()];
    };
    st = ForEachTagged(sink.evidence_raw, kTagBytes, [&](std::string_view tag, std::string_view p) {
      uint32_t phase;
      region_of(tag, &phase).cursor[phase] += sizeof(uint32_t) + p.size();
    });
    if (!st.ok()) return st;
    uint64_t at = 0;
    for (Regions& reg : regions) {
      const uint64_t bytes0 = reg.cursor[0], bytes1 = reg.cursor[1];
      reg.begin = at;
      reg.cursor[0] = at;
      reg.cursor[1] = at + bytes0;
      at += bytes0 + bytes1;
    }
    st = Scatter(
        sink.evidence_raw, kTagBytes,
        [&](std::string_view tag) {
          uint32_t phase;
          return &region_of(tag, &phase).cursor[phase];
        },
        at, s.options.window, s.dir, by_relation);
    if (!st.ok()) return st;
  }
  sink.evidence_raw.Close();

  // The document.
  SpoolStats stats;
  stats.articles = n;
  stats.entities = entities.size();
  stats.relations = keys.size();
  for (const Entity& e : entities) ++stats.entities_by_type[e.type];
  std::vector<std::vector<std::pair<RelationType, EntityId>>> by_from(entities.size());
  for (const auto& [type, from, to] : keys) {
    ++stats.relations_by_type[type];
    by_from[from].emplace_back(type, to);
  }
  // (called from the threads that make nodes.) Nodes name the much-named
  // entities again and again: each thread keeps the last IRI made for each
  // of 4096 slots, for this document only (`document` tells them apart).
  static std::atomic<uint64_t> documents{0};
  const uint64_t document = ++documents;
  const internal::IriOf iri = [&entities, document](EntityId id) -> const std::string& {
    struct Slot {
      uint64_t document = 0;
      EntityId id = 0;
      std::string iri;
    };
    thread_local std::vector<Slot> slots(4096);
    Slot& slot = slots[id % slots.size()];
    if (slot.document != document || slot.id != id) {
      slot.document = document;
      slot.id = id;
      slot.iri.clear();
      internal::AppendEntityIri(slot.iri, entities[id].type, entities[id].name);
    }
    return slot.iri;
  };
  // (called from the threads that make nodes: one buffer per thread)
  const internal::ArticleIriOf article_iri = [&](size_t k) -> const std::string& {
    thread_local std::string buf;
    buf.assign(iris, iri_at[k], iri_at[k + 1] - iri_at[k]);
    return buf;
  };
  // A thread's buffers for making nodes.
  struct Scratch {
    std::vector<EntityMention> mentions;
    Relation rel;
  };
  // The text of nodes [0, count), made by `make` on the spool's threads in
  // batches and emitted in order: the calling thread emits a batch while
  // the other threads make the next. A batch is at most 32 nodes a thread,
  // and at most 8 MB of what they are made from (`bytes_of`, the size of
  // an entity's mentions or a relation's evidence on disk), so that a batch
  // of much-named entities does not hold many large nodes at once (two
  // batches are held: the one emitted and the one made).
  // `before(lo, hi)` readies batch [lo, hi) on the calling thread, once the
  // batch before it is made.
  const size_t node_batch = 32 * threads;
  constexpr uint64_t kBatchBytes = uint64_t{8} << 20;
  auto in_parallel = [&](size_t count, const internal::EmitText& emit,
                         const std::function<uint64_t(size_t)>& bytes_of,
                         const std::function<Status(size_t, std::string&, Scratch&)>& make,
                         const std::function<Status(size_t lo, size_t hi)>& before = {}) {
    struct Batch {
      size_t lo = 0, hi = 0;
      std::vector<std::string> text;
      std::vector<Status> errs;
      std::atomic<size_t> next{0};
    };
    Batch batches[2];
    for (Batch& b : batches) {
      b.text.resize(node_batch);
      b.errs.resize(node_batch);
    }
    std::vector<Scratch> scratch(threads);
    auto work = [&](Batch& b, size_t t) {
      for (size_t i; (i = b.next.fetch_add(1)) < b.hi;) {
        b.errs[i - b.lo] = make(i, b.text[i - b.lo], scratch[t]);
      }
    };
    // (after what its tasks use: they end before it goes)
    internal::WorkerPool pool(threads - 1);
    // Plans the batch from lo into b, readies it and sets the pool's
    // threads making it.
    auto start = [&](Batch& b, size_t lo) -> Status {
      uint64_t bytes = 0;
      size_t hi = lo;
      for (; hi < count && hi - lo < node_batch && (hi == lo || bytes < kBatchBytes); ++hi) {
        bytes += bytes_of(hi);
      }
      b.lo = lo;
      b.hi = hi;
      b.next = lo;
      if (before) {
        if (Status e = before(lo, hi); !e.ok()) return e;
      }
      for (size_t t = 1; t < std::min(threads, hi - lo); ++t) {
        pool.Post([&work, &b, t] { work(b, t); });
      }
      return OkStatus();
    };
    if (count == 0) return OkStatus();
    if (Status e = start(batches[0], 0); !e.ok()) return e;
    for (size_t cur = 0;; cur ^= 1) {
      Batch& b = batches[cur];
      work(b, 0);                    // the calling thread makes its share
      pool.Wait();                   // b is made
      for (Scratch& sc : scratch) {  // what a large node left behind
        if (sc.mentions.capacity() > 4096 || sc.rel.evidence.capacity() > 4096) sc = Scratch{};
      }
      const bool more = b.hi < count;
      if (more) {
        if (Status e = start(batches[cur ^ 1], b.hi); !e.ok()) return e;
      }
      for (size_t i = b.lo; i < b.hi; ++i) {
        if (!b.errs[i - b.lo].ok()) return b.errs[i - b.lo];
        emit(b.text[i - b.lo]);
        if (b.text[i - b.lo].capacity() > (size_t{64} << 10)) std::string().swap(b.text[i - b.lo]);
      }
      if (!more) return OkStatus();
    }
  };
  auto nodes_text = [&](int indent, int depth, const internal::EmitText& emit) -> Status {
    // articles: their entity lists are read in order before each batch
    SeqReader article_entities(sink.article_entities, 0, sink.article_entities.size());
    std::vector<std::vector<EntityId>> ids(node_batch);
    size_t ids_lo = 0;
    RecordBatch records;  // and their records
    Status done = in_parallel(
        n, emit, [&](size_t k) -> uint64_t { return where[k].second; },
        [&](size_t k, std::string& buf, Scratch&) -> Status {
          Cursor c{records.record(k, where[k].second)};
          ArticleInfo info;
          info.iri.assign(iris, iri_at[k], iri_at[k + 1] - iri_at[k]);
          for (std::string* x : {&info.id, &info.url, &info.headline, &info.date, &info.author}) {
            *x = c.Str();
          }
          if (options.records) info.record = c.Str();
          if (!c.ok)
            return InternalError("spool: article " + std::to_string(k) + ": does not read back");
          internal::ArticleNodeText(buf, indent, depth, info, options.records, ids[k - ids_lo],
                                    iri);
          return OkStatus();
        },
        [&](size_t lo, size_t hi) -> Status {
          if (Status e = records.Read(s.records, where, lo, hi); !e.ok()) return e;
          ids_lo = lo;
          for (size_t k = lo; k < hi; ++k) {
            std::string_view v;
            if (Status e = article_entities.Next(v); !e.ok()) return e;
            ids[k - lo] = GetIds(v);
          }
          return OkStatus();
        });
    if (!done.ok()) return done;
    // a batch's regions lie end to end: read at once before it
    std::string batch_bytes;
    uint64_t batch_at = 0;
    done = in_parallel(
        entities.size(), emit, [&](size_t id) { return sink.mention_bytes[id]; },
        [&](size_t id, std::string& buf, Scratch& sc) {
          const Entity& e = entities[id];
          const std::string_view region =
              std::string_view(batch_bytes)
                  .substr(entity_begin[id] - batch_at, sink.mention_bytes[id]);
          if (Status x = ParseRegion(region, &GetMention, sc.mentions); !x.ok()) return x;
          internal::SortMentions(sc.mentions);
          internal::EntityNodeText(buf, indent, depth, e, sc.mentions, by_from[id], iri,
                                   article_iri);
          return OkStatus();
        },
        [&](size_t lo, size_t hi) {
          batch_at = entity_begin[lo];
          return by_entity.ReadAt(batch_at, entity_begin[hi] - batch_at, batch_bytes);
        });
    if (!done.ok()) return done;
    if (options.evidence) {
      done = in_parallel(
          keys.size(), emit, [&](size_t i) { return regions[i].cursor[1] - regions[i].begin; },
          [&](size_t i, std::string& buf, Scratch& sc) {
            const Regions& reg = regions[i];
            std::tie(sc.rel.type, sc.rel.from, sc.rel.to) = keys[i];
            const std::string_view region =
                std::string_view(batch_bytes)
                    .substr(reg.begin - batch_at, reg.cursor[1] - reg.begin);
            if (Status x = ParseRegion(region, &GetEvidence, sc.rel.evidence); !x.ok()) return x;
            internal::RelationNodeText(buf, indent, depth, sc.rel, iri, article_iri);
            return OkStatus();
          },
          [&](size_t lo, size_t hi) {
            batch_at = regions[lo].begin;
            return by_relation.ReadAt(batch_at, regions[hi - 1].cursor[1] - batch_at, batch_bytes);
          });
      if (!done.ok()) return done;
    }
    if (options.cooccurrence) {
      const std::vector<CoOccurrence> pairs = r.TakeCoOccurrences();
      done = in_parallel(
          pairs.size(), emit, [](size_t) { return uint64_t{0}; },
          [&](size_t i, std::string& buf, Scratch&) {
            internal::CoOccurrenceNodeText(buf, indent, depth, pairs[i], iri);
            return OkStatus();
          });
      if (!done.ok()) return done;
    }
    return OkStatus();
  };
  if (st = internal::WriteJsonLdDocument(out, options.indent, nodes_text); !st.ok()) return st;
  return stats;
}

}  // namespace clusterkg
