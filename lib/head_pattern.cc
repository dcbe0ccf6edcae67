// Head-anchored matching (internal/head_pattern.h).
#include "internal/head_pattern.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>

#include "internal/re_options.h"
#include "internal/utf8.h"

namespace clusterkg::internal {
namespace {

// A word with no character that means something in a pattern.
bool PlainWord(std::string_view w) {
  return !w.empty() && w.find_first_of("\\.+*?()[]{}|^$") == std::string_view::npos &&
         FindInvalidUtf8(w) == std::string_view::npos;
}

// Parses the pattern's pieces from the front of `p`.
struct Parser {
  std::string_view p;
  bool Eat(std::string_view lit) {
    if (p.substr(0, lit.size()) != lit) return false;
    p.remove_prefix(lit.size());
    return true;
  }
  // (?P<name>
  bool GroupOpen() {
    if (!Eat("(?P<")) return false;
    const size_t close = p.find('>');
    if (close == std::string_view::npos || close == 0) return false;
    for (const char c : p.substr(0, close)) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    p.remove_prefix(close + 1);
    return true;
  }
  // [...] or \p{...}: the class's text. Classes with [ inside ([:alpha:],
  // nested sets) are not taken.
  bool Class(std::string_view* cls) {
    size_t end = std::string_view::npos;
    if (p.substr(0, 3) == "\\p{" || p.substr(0, 3) == "\\P{") {
      end = p.find('}');
      if (end != std::string_view::npos) ++end;
    } else if (!p.empty() && p[0] == '[') {
      size_t j = 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') {
        if (p[j] == '[') return false;
        if (p[j] == '\\') {
          if (j + 2 < p.size() && (p[j + 1] == 'p' || p[j + 1] == 'P') && p[j + 2] == '{') {
            j = p.find('}', j);
            if (j == std::string_view::npos) return false;
          } else {
            ++j;  // the escaped character's first byte; the rest are not ] or [
          }
        }
        ++j;
      }
      if (j < p.size()) end = j + 1;
    }
    if (end == std::string_view::npos) return false;
    *cls = p.substr(0, end);
    p.remove_prefix(end);
    return true;
  }
  // One character, plain or escaped (\( for "("): its text.
  bool Literal(std::string* c) {
    size_t len = 0;
    if (p.size() >= 2 && p[0] == '\\' && std::ispunct(static_cast<unsigned char>(p[1]))) {
      *c = std::string(1, p[1]);
      p.remove_prefix(2);
      return true;
    }
    if (p.empty() || DecodeUtf8(p, 0, &len) < 0 || !PlainWord(p.substr(0, len))) return false;
    *c = std::string(p.substr(0, len));
    p.remove_prefix(len);
    return true;
  }
  bool Number(uint32_t* v) {
    size_t k = 0;
    *v = 0;
    while (k < p.size() && k < 4 && std::isdigit(static_cast<unsigned char>(p[k]))) {
      *v = *v * 10 + static_cast<uint32_t>(p[k] - '0');
      ++k;
    }
    p.remove_prefix(k);
    return k > 0;
  }
};

// Calls visit(i) at each byte of the pattern text `s` that is outside its
// classes ([...], skipped whole), an escape at its backslash (the escaped
// character is skipped), until visit returns false. False when a class is
// not understood.
template <typename F>
bool Walk(std::string_view s, F visit) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '[') {
      Parser ps{s.substr(i)};
      std::string_view cls;
      if (!ps.Class(&cls)) return false;
      i += cls.size() - 1;
    } else {
      if (!visit(i)) return true;
      if (s[i] == '\\') ++i;  // (what an escape holds, \p{Han} or \x{41}, has no ( ) or |)
    }
  }
  return true;
}

// The places in `s` of `|` at its top level, up to the first `)` that
// closes a group `s` is in (*close, npos when none). False when a class in
// it is not understood.
bool TopLevel(std::string_view s, std::vector<size_t>* bars, size_t* close) {
  int depth = 0;
  *close = std::string_view::npos;
  return Walk(s, [&](size_t i) {
    if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')') {
      if (depth == 0) {
        *close = i;
        return false;
      }
      --depth;
    } else if (s[i] == '|' && depth == 0) {
      bars->push_back(i);
    }
    return true;
  });
}

// Whether T is one piece to match after the word: no alternation at its
// top level (it would split the whole pattern), no group that captures, no
// look at what comes before (^ outside a class, \b, \B, \A) and no flags.
bool TailTakes(std::string_view t) {
  bool ok = true;
  auto piece = [&](size_t i) {
    const char c = t[i];
    if (c == '^' || (c == '(' && t.substr(i, 3) != "(?:") ||
        (c == '\\' && i + 1 < t.size() &&
         std::string_view("bBAC").find(t[i + 1]) != std::string_view::npos)) {
      ok = false;
    }
    return ok;
  };
  std::vector<size_t> bars;
  size_t close = 0;
  return Walk(t, piece) && ok && TopLevel(t, &bars, &close) && bars.empty() &&
         close == std::string_view::npos;
}

// `s` cut at `bars`.
std::vector<std::string_view> Split(std::string_view s, const std::vector<size_t>& bars) {
  std::vector<std::string_view> out;
  size_t at = 0;
  for (const size_t b : bars) {
    out.push_back(s.substr(at, b - at));
    at = b + 1;
  }
  out.push_back(s.substr(at));
  return out;
}

// After "(?:", a delimited part and its end: O D{a,b} E)? (O and E one
// character each), into d (a HeadPattern::Delimited). False when it is not
// one, or when D holds E: the part's length is fixed by where E comes.
template <typename D>
bool DelimitedPart(Parser& ps, D* d) {
  std::string_view inside;
  if (!ps.Literal(&d->open) || !ps.Class(&inside) || !ps.Eat("{") || !ps.Number(&d->least) ||
      !ps.Eat(",") || !ps.Number(&d->most) || !ps.Eat("}") || d->least > d->most ||
      !ps.Literal(&d->close) || !ps.Eat(")?")) {
    return false;
  }
  d->inside = CharClass::Make(inside);
  size_t len = 0;
  return d->inside && !d->inside->Has(DecodeUtf8(d->close, 0, &len));
}

}  // namespace

std::shared_ptr<const CharClass> CharClass::Make(std::string_view cls) {
  static std::mutex mu;
  static auto* made = new std::map<std::string, std::weak_ptr<const CharClass>, std::less<>>;
  std::lock_guard lock(mu);
  if (auto it = made->find(cls); it != made->end()) {
    if (auto c = it->second.lock()) return c;
  }
  auto re = std::make_unique<RE2>(std::string(cls), RuleReOptions());
  if (!re->ok() || re->NumberOfCapturingGroups() != 0) return nullptr;
  std::shared_ptr<CharClass> c(new CharClass);
  c->re_ = std::move(re);
  const size_t blocks = (0x10FFFF >> kBlockBits) + 1;
  c->blocks_ = std::make_unique<std::atomic<const Block*>[]>(blocks);
  for (size_t b = 0; b < blocks; ++b) c->blocks_[b].store(nullptr, std::memory_order_relaxed);
  (*made)[std::string(cls)] = c;
  return c;
}

CharClass::~CharClass() {
  for (size_t b = 0; b <= (0x10FFFF >> kBlockBits); ++b) delete blocks_[b].load();
}

const CharClass::Block& CharClass::BlockOf(uint32_t block) const {
  std::atomic<const Block*>& slot = blocks_[block];
  if (const Block* b = slot.load(std::memory_order_acquire)) return *b;
  auto made = std::make_unique<Block>((size_t{1} << kBlockBits) / 64, 0);
  std::string utf8;
  for (uint32_t k = 0; k < (uint32_t{1} << kBlockBits); ++k) {
    const uint32_t cp = (block << kBlockBits) | k;
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates are not characters
    utf8.clear();
    AppendUtf8(utf8, cp);
    if (RE2::FullMatch(utf8, *re_)) (*made)[k / 64] |= uint64_t{1} << (k % 64);
  }
  const Block* expected = nullptr;
  if (slot.compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel)) {
    return *made.release();
  }
  return *expected;  // another thread made it first
}

std::unique_ptr<const HeadPattern> HeadPattern::Make(std::string_view pattern) {
  std::unique_ptr<HeadPattern> h(new HeadPattern);
  Parser ps{pattern};
  if (!ps.GroupOpen()) return nullptr;
  // the quoted prefix: (?:"D{a,b}")?
  if (ps.Eat("(?:") && !DelimitedPart(ps, &h->quote_)) return nullptr;
  std::string_view cls;
  if (!ps.Class(&cls) || !ps.Eat("{") || !ps.Number(&h->least_) || !ps.Eat(",") ||
      !ps.Number(&h->most_) || !ps.Eat("}?") || h->least_ > h->most_) {
    return nullptr;
  }
  h->name_class_ = CharClass::Make(cls);
  if (!h->name_class_) return nullptr;
  if (ps.Eat("(?:")) {  // the bracketed part: (?:OD{a,b}E)?
    // a run of the name's class stops at its open
    size_t len = 0;
    if (!DelimitedPart(ps, &h->bracket_) ||
        h->name_class_->Has(DecodeUtf8(h->bracket_.open, 0, &len))) {
      return nullptr;
    }
  }
  if (!ps.GroupOpen()) return nullptr;
  std::vector<size_t> bars;
  size_t close = 0;
  if (!TopLevel(ps.p, &bars, &close) || close == std::string_view::npos ||
      ps.p.substr(close, 2) != "))") {
    return nullptr;
  }
  const std::string_view tail = ps.p.substr(close + 2);
  if (!tail.empty()) {
    if (!TailTakes(tail)) return nullptr;
    h->tail_ = std::make_unique<RE2>(std::string(tail), RuleReOptions());
    if (!h->tail_->ok() || h->tail_->NumberOfCapturingGroups() != 0) return nullptr;
  }
  std::vector<std::pair<uint32_t, uint32_t>> ends;  // trie node, alternative
  const std::vector<std::string_view> alts = Split(ps.p.substr(0, close), bars);
  for (size_t a = 0; a < alts.size(); ++a) {
    const std::string_view alt = alts[a];
    h->alts_.emplace_back();
    std::vector<std::string_view> words;
    if (PlainWord(alt)) {
      h->alts_.back().len = static_cast<uint32_t>(alt.size());
      words.push_back(alt);
    } else {
      // (?:W1|...|Wk) and the rest: its words find where it may start, RE2
      // says where it ends
      std::vector<size_t> inner_bars;
      size_t inner = 0;
      if (h->tail_ || alt.substr(0, 3) != "(?:" || !TopLevel(alt.substr(3), &inner_bars, &inner) ||
          inner == std::string_view::npos || !TailTakes(alt.substr(3 + inner + 1))) {
        return nullptr;
      }
      words = Split(alt.substr(3, inner), inner_bars);
      for (const std::string_view w : words) {
        if (!PlainWord(w)) return nullptr;
      }
      auto re = std::make_unique<RE2>(std::string(alt), RuleReOptions());
      if (!re->ok() || re->NumberOfCapturingGroups() != 0) return nullptr;
      h->alts_.back().re = std::move(re);
      h->complex_ = true;
    }
    for (const std::string_view w : words) {
      ends.emplace_back(h->words_.Insert(w), static_cast<uint32_t>(a));
      h->MarkStart(w);
    }
  }
  if (h->bracket_.inside) h->MarkStart(h->bracket_.open);
  h->words_.Freeze();
  h->alts_at_.resize(h->words_.size());
  for (const auto& [node, a] : ends) h->alts_at_[node].push_back(a);
  for (auto& v : h->alts_at_) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  return h;
}

int32_t HeadPattern::FirstAlt(std::string_view input, size_t i) const {
  int32_t w = -1;
  for (size_t k = i, node = 0; k < input.size(); ++k) {
    node = words_.Child(static_cast<uint32_t>(node), static_cast<unsigned char>(input[k]));
    if (node == 0) break;
    if (const auto& at = alts_at_[node];
        !at.empty() && (w < 0 || static_cast<int32_t>(at[0]) < w)) {
      w = static_cast<int32_t>(at[0]);
    }
  }
  return w;
}

bool HeadPattern::PickAt(std::string_view input, size_t j, uint32_t* alt_end, uint32_t* end) const {
  if (!tail_ && !complex_) {  // the first listed word at j
    const int32_t w = FirstAlt(input, j);
    if (w < 0) return false;
    *alt_end = *end = static_cast<uint32_t>(j + alts_[static_cast<size_t>(w)].len);
    return true;
  }
  std::vector<uint32_t> here;  // the alternatives that may start at j, in list order
  for (size_t k = j, node = 0; k < input.size(); ++k) {
    node = words_.Child(static_cast<uint32_t>(node), static_cast<unsigned char>(input[k]));
    if (node == 0) break;
    here.insert(here.end(), alts_at_[node].begin(), alts_at_[node].end());
  }
  std::sort(here.begin(), here.end());
  here.erase(std::unique(here.begin(), here.end()), here.end());
  for (const uint32_t a : here) {
    re2::StringPiece m;
    size_t ae = j + alts_[a].len;
    if (alts_[a].re) {
      if (!alts_[a].re->Match(input, j, input.size(), RE2::ANCHOR_START, &m, 1)) continue;
      ae = static_cast<size_t>(m.data() - input.data()) + m.size();
    }
    size_t e = ae;
    if (tail_) {
      if (!tail_->Match(input, ae, input.size(), RE2::ANCHOR_START, &m, 1)) continue;
      e = static_cast<size_t>(m.data() - input.data()) + m.size();
    }
    *alt_end = static_cast<uint32_t>(ae);
    *end = static_cast<uint32_t>(e);
    return true;
  }
  return false;
}

void HeadPattern::MarkStart(std::string_view w) {
  const auto first = static_cast<unsigned char>(w[0]);
  size_t len = 0;
  if (const int32_t cp = DecodeUtf8(w, 0, &len); len == 3 && cp >= 0) {
    first_chars_[static_cast<uint32_t>(cp) >> 6] |= uint64_t{1} << (cp & 63);
  }
  for (unsigned second = 0; second < 256; ++second) {
    if (w.size() == 1 || second == static_cast<unsigned char>(w[1])) {
      const uint32_t key = first << 8 | second;
      starts_[key >> 6] |= uint64_t{1} << (key & 63);
    }
  }
}

size_t HeadPattern::After(const Delimited& d, std::string_view input, size_t q) {
  if (input.substr(q, d.open.size()) != d.open) return 0;
  size_t p = q + d.open.size(), len = 0;
  uint32_t chars = 0;
  while (p < input.size() && d.inside->Has(DecodeUtf8(input, p, &len))) {
    p += len;
    ++chars;
  }
  if (chars < d.least || chars > d.most || input.substr(p, d.close.size()) != d.close) {
    return 0;
  }
  return p + d.close.size();
}

bool HeadPattern::HeadAt(std::string_view input, size_t j, uint32_t* head, uint32_t* alt_end,
                         uint32_t* end) const {
  if (bracket_.inside) {  // the bracketed part first, as the pattern prefers it
    if (const size_t a = After(bracket_, input, j); a != 0 && PickAt(input, a, alt_end, end)) {
      *head = static_cast<uint32_t>(a);
      return true;
    }
  }
  *head = static_cast<uint32_t>(j);
  return words_.Child(0, static_cast<unsigned char>(input[j])) != 0 &&
         PickAt(input, j, alt_end, end);
}

bool HeadPattern::MatchFrom(std::string_view input, size_t q, size_t c, re2::StringPiece* g) const {
  size_t p = c, len = 0;
  for (uint32_t k = 0;; ++k) {  // k characters of C from c, then a head
    uint32_t head = 0, alt_end = 0, end = 0;
    if (k >= least_ && p < input.size() && HeadAt(input, p, &head, &alt_end, &end)) {
      g[0] = re2::StringPiece(input.data() + q, end - q);
      g[1] = re2::StringPiece(input.data() + q, alt_end - q);
      g[2] = re2::StringPiece(input.data() + head, alt_end - head);
      return true;
    }
    if (k == most_ || p >= input.size() || !name_class_->Has(DecodeUtf8(input, p, &len))) {
      return false;
    }
    p += len;
  }
}

bool HeadPattern::Match(std::string_view input, size_t pos, re2::StringPiece* g) const {
  // without the prefix: the first position j (from pos) where a head
  // (the bracketed part and a word, or a word) matches with at least m
  // characters of C before it; the match starts as far back over C as n
  // characters and pos allow. (A head at a later position could only start
  // its match at the same place or later, and a shorter name from that
  // place would have made an earlier one match: the run of C before a
  // later head stops at a bracket's open, which C does not hold, and
  // passes an earlier word only through n characters or fewer.)
  size_t start = std::string_view::npos;
  for (size_t j = NextStart(input, pos); j < input.size(); j = NextStart(input, j + 1)) {
    uint32_t head = 0, alt_end = 0, end = 0;
    if (!HeadAt(input, j, &head, &alt_end, &end)) continue;
    size_t s = j;
    uint32_t k = 0;
    while (k < most_ && s > pos) {
      size_t p = s - 1;
      while (p > pos && (static_cast<unsigned char>(input[p]) & 0xC0) == 0x80) --p;
      size_t len = 0;
      if (!name_class_->Has(DecodeUtf8(input, p, &len)) || p + len != s) break;
      s = p;
      ++k;
    }
    if (k < least_) continue;
    start = s;
    const char* base = input.data();
    g[0] = re2::StringPiece(base + s, end - s);
    g[1] = re2::StringPiece(base + s, alt_end - s);
    g[2] = re2::StringPiece(base + head, alt_end - head);
    break;
  }
  // with the prefix: the first quote from pos, up to that start (where the
  // prefix comes first), that begins a match
  if (quote_.inside) {
    for (size_t q = input.find(quote_.open, pos); q != std::string_view::npos && q <= start;
         q = input.find(quote_.open, q + 1)) {
      if (const size_t c = After(quote_, input, q); c != 0 && MatchFrom(input, q, c, g)) {
        return true;
      }
    }
  }
  return start != std::string_view::npos;
}

}  // namespace clusterkg::internal
