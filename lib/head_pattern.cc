// Head-anchored matching (internal/head_pattern.h).
#include "internal/head_pattern.h"

#include <algorithm>
#include <cctype>

#include "internal/re_options.h"
#include "internal/utf8.h"

namespace clusterkg::internal {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

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

// A word with no character that means something in a pattern.
bool PlainWord(std::string_view w) {
  return !w.empty() && w.find_first_of("\\.+*?()[]{}|^$") == std::string_view::npos;
}

}  // namespace

std::unique_ptr<const HeadPattern> HeadPattern::Make(std::string_view pattern) {
  Parser ps{pattern};
  std::string_view cls;
  uint32_t least = 0, most = 0;
  if (!ps.GroupOpen() || !ps.Class(&cls) || !ps.Eat("{") || !ps.Number(&least) || !ps.Eat(",") ||
      !ps.Number(&most) || !ps.Eat("}?") || least > most || !ps.GroupOpen() ||
      !ps.p.ends_with("))")) {
    return nullptr;
  }
  std::string_view list = ps.p.substr(0, ps.p.size() - 2);
  std::vector<std::string_view> words;
  for (size_t at = 0;;) {
    const size_t bar = list.find('|', at);
    words.push_back(list.substr(at, bar - at));
    if (!PlainWord(words.back()) || FindInvalidUtf8(words.back()) != std::string_view::npos) {
      return nullptr;
    }
    if (bar == std::string_view::npos) break;
    at = bar + 1;
  }
  auto class_re = std::make_unique<RE2>(std::string(cls), RuleReOptions());
  if (!class_re->ok() || class_re->NumberOfCapturingGroups() != 0) return nullptr;

  std::unique_ptr<HeadPattern> h(new HeadPattern);
  h->class_re_ = std::move(class_re);
  h->least_ = least;
  h->most_ = most;
  std::vector<std::pair<uint32_t, int32_t>> ends;  // node, word
  for (size_t w = 0; w < words.size(); ++w) {
    h->word_len_.push_back(static_cast<uint32_t>(words[w].size()));
    ends.emplace_back(h->words_.Insert(words[w]), static_cast<int32_t>(w));
  }
  h->words_.Freeze();
  h->first_word_.assign(h->words_.size(), -1);
  for (const auto& [node, w] : ends) {
    if (h->first_word_[node] < 0) h->first_word_[node] = w;  // the first listed
  }
  const size_t blocks = (0x10FFFF >> kBlockBits) + 1;
  h->blocks_ = std::make_unique<std::atomic<const Block*>[]>(blocks);
  for (size_t b = 0; b < blocks; ++b) h->blocks_[b].store(nullptr, std::memory_order_relaxed);
  return h;
}

HeadPattern::~HeadPattern() {
  if (!blocks_) return;
  for (size_t b = 0; b <= (0x10FFFF >> kBlockBits); ++b) delete blocks_[b].load();
}

const HeadPattern::Block& HeadPattern::BlockOf(uint32_t block) const {
  std::atomic<const Block*>& slot = blocks_[block];
  if (const Block* b = slot.load(std::memory_order_acquire)) return *b;
  auto made = std::make_unique<Block>((size_t{1} << kBlockBits) / 64, 0);
  std::string utf8;
  for (uint32_t k = 0; k < (uint32_t{1} << kBlockBits); ++k) {
    const uint32_t cp = (block << kBlockBits) | k;
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates are not characters
    utf8.clear();
    AppendUtf8(utf8, cp);
    if (RE2::FullMatch(utf8, *class_re_)) (*made)[k / 64] |= uint64_t{1} << (k % 64);
  }
  const Block* expected = nullptr;
  if (slot.compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel)) {
    return *made.release();
  }
  return *expected;  // another thread made it first
}

bool HeadPattern::InClass(int32_t cp) const {
  if (cp < 0 || cp > 0x10FFFF) return false;
  const auto c = static_cast<uint32_t>(cp);
  const Block& b = BlockOf(c >> kBlockBits);
  const uint32_t k = c & ((uint32_t{1} << kBlockBits) - 1);
  return (b[k / 64] >> (k % 64)) & 1;
}

void HeadPattern::Prepare(std::string_view input, Scan& scan) const {
  scan.at.clear();
  scan.run_end.clear();  // first: whether character i is in C
  scan.word.clear();
  for (size_t i = 0; i < input.size();) {
    size_t len = 1;
    const int32_t cp = DecodeUtf8(input, i, &len);
    scan.at.push_back(static_cast<uint32_t>(i));
    scan.run_end.push_back(InClass(cp) ? 1 : 0);
    int32_t w = -1;  // the first listed word of those starting at i
    for (size_t k = i, node = 0; k < input.size(); ++k) {
      node = words_.Child(static_cast<uint32_t>(node), static_cast<unsigned char>(input[k]));
      if (node == 0) break;
      if (const int32_t f = first_word_[node]; f >= 0 && (w < 0 || f < w)) w = f;
    }
    scan.word.push_back(w);
    i += len;
  }
  const auto n = static_cast<uint32_t>(scan.at.size());
  scan.at.push_back(static_cast<uint32_t>(input.size()));
  scan.run_end.push_back(n);
  scan.word.push_back(-1);
  scan.next_word.assign(n + 1, kNone);
  for (uint32_t i = n; i-- > 0;) {
    scan.run_end[i] = scan.run_end[i] ? scan.run_end[i + 1] : i;
    scan.next_word[i] = scan.word[i] >= 0 ? i : scan.next_word[i + 1];
  }
}

bool HeadPattern::Match(std::string_view input, const Scan& scan, size_t pos,
                        re2::StringPiece* g) const {
  const auto n = static_cast<uint32_t>(scan.at.size() - 1);
  auto s = static_cast<uint32_t>(std::lower_bound(scan.at.begin(), scan.at.end(), pos) -
                                 scan.at.begin());
  for (; s + least_ <= n; ++s) {
    const uint32_t j = scan.next_word[s + least_];  // the smallest k >= m with a word after
    if (j == kNone) return false;                   // (no later start has one either)
    if (j - s > most_) continue;
    if (j > scan.run_end[s]) {  // a character not in C before the word: no start up to it works
      s = scan.run_end[s];
      continue;
    }
    const auto w = static_cast<uint32_t>(scan.word[j]);
    const char* begin = input.data() + scan.at[s];
    const char* word = input.data() + scan.at[j];
    g[0] = g[1] = re2::StringPiece(begin, static_cast<size_t>(word - begin) + word_len_[w]);
    g[2] = re2::StringPiece(word, word_len_[w]);
    return true;
  }
  return false;
}

}  // namespace clusterkg::internal
