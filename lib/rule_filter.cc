// Which rules can match a piece of text (internal/rule_filter.h).
#include "internal/rule_filter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <utility>

#include "internal/re_options.h"
#include "internal/utf8.h"

namespace clusterkg::internal {
namespace {

// Can the text hold `atom` written otherwise than FilteredRE2 lowercased
// it? Only when it has a letter with case outside ASCII.
bool CaseMayDiffer(std::string_view atom) {
  for (size_t i = 0, len = 1; i < atom.size(); i += len) {
    const int32_t c = DecodeUtf8(atom, i, &len);
    if (c < 0 || (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_CASED))) return true;
  }
  return false;
}

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

}  // namespace

RuleFilter::RuleFilter(const std::vector<const Rule*>& rules) : always_(rules.size(), 0) {
  auto tree = std::make_unique<re2::FilteredRE2>(/*min_atom_len=*/3);  // one CJK character
  for (size_t k = 0; k < rules.size(); ++k) {
    if (rules[k] == nullptr) continue;
    // The fast form where the rule has one: its language holds the
    // original's, so what every match of it needs, every match of the rule
    // needs; its program is smaller and compiles faster. Parsed with the
    // rule's own options.
    const Rule& r = *rules[k];
    const std::string& pattern = r.fast ? r.fast->re->pattern() : r.pattern;
    int id = 0;
    if (tree->Add(pattern, RuleReOptions(), &id) != RE2::NoError) {
      always_[k] = 1;
      continue;
    }
    rule_of_.push_back(static_cast<uint32_t>(k));
  }
  if (rule_of_.empty()) return;  // FilteredRE2 complains of compiling nothing
  tree->Compile(&atoms_);
  tree_ = std::move(tree);
  // the atoms in an Aho-Corasick automaton over byte classes: first their
  // trie (edges in next, 0 for none: no edge leads back to the root)
  std::vector<std::vector<int>> own(1);  // per state: the atoms ending there
  for (size_t a = 0; a < atoms_.size(); ++a) {
    if (CaseMayDiffer(atoms_[a])) {
      present_.push_back(static_cast<int>(a));
      continue;
    }
    for (const char c : atoms_[a]) {
      auto& cls = byte_class_[static_cast<unsigned char>(c)];
      if (cls == 0) cls = static_cast<uint16_t>(classes_++);
    }
  }
  // the text is lowercased for ASCII as the atoms are
  for (unsigned char c = 'A'; c <= 'Z'; ++c) byte_class_[c] = byte_class_[Lower(c)];
  std::vector<uint32_t> next(classes_, 0);  // the trie's edges, then every move
  for (size_t a = 0; a < atoms_.size(); ++a) {
    if (std::binary_search(present_.begin(), present_.end(), static_cast<int>(a))) continue;
    uint32_t state = 0;
    for (const char c : atoms_[static_cast<size_t>(a)]) {
      const size_t edge = size_t{state} * classes_ + byte_class_[static_cast<unsigned char>(c)];
      if (next[edge] == 0) {
        next[edge] = static_cast<uint32_t>(own.size());
        own.emplace_back();
        next.resize(next.size() + classes_, 0);
      }
      state = next[edge];
    }
    own[state].push_back(static_cast<int>(a));
  }
  // then, breadth first, each state's moves where it has no edge (those of
  // the longest proper suffix that is a state, fail) and what ends at it:
  // its own atoms and its suffix's
  const size_t states = own.size();
  std::vector<uint32_t> fail(states, 0), order{0};
  std::vector<std::vector<int>> ends(states);
  for (size_t i = 0; i < order.size(); ++i) {
    const uint32_t u = order[i];
    ends[u] = own[u];
    if (u != 0) ends[u].insert(ends[u].end(), ends[fail[u]].begin(), ends[fail[u]].end());
    for (uint32_t x = 0; x < classes_; ++x) {
      uint32_t& to = next[size_t{u} * classes_ + x];
      const uint32_t via_fail = u == 0 ? 0 : next[size_t{fail[u]} * classes_ + x];
      if (to != 0) {
        fail[to] = via_fail;
        order.push_back(to);
      } else {
        to = via_fail;
      }
    }
  }
  tree_->AllPotentials(present_, &bare_);  // what passes where no other atom is
  // the table the walk reads: states numbered breadth first (the shallow
  // ones, where the walk mostly is, together), each move the start of its
  // target's row, with kEnds set when atoms end at the target
  if (states * classes_ >= kEnds) {  // too big to walk: every rule may match
    std::fill(always_.begin(), always_.end(), 1);
    tree_.reset();
    return;
  }
  std::vector<uint32_t> number(states);
  for (size_t i = 0; i < states; ++i) number[order[i]] = static_cast<uint32_t>(i);
  moves_.resize(states * classes_);
  out_begin_.assign(1, 0);
  for (size_t i = 0; i < states; ++i) {
    const uint32_t u = order[i];
    for (uint32_t x = 0; x < classes_; ++x) {
      const uint32_t to = next[size_t{u} * classes_ + x];
      moves_[i * classes_ + x] =
          static_cast<uint32_t>(number[to] * classes_) | (ends[to].empty() ? 0 : kEnds);
    }
    out_.insert(out_.end(), ends[u].begin(), ends[u].end());
    out_begin_.push_back(static_cast<uint32_t>(out_.size()));
  }
}

void RuleFilter::Possible(std::string_view text, std::vector<char>* may) const {
  std::vector<std::vector<char>> each;
  PossibleEach(text, {{0, static_cast<uint32_t>(text.size())}}, &each);
  *may = std::move(each[0]);
}

void RuleFilter::Decide(const std::vector<int>& found, std::vector<char>* may) const {
  if (found.size() == present_.size()) {
    for (const int id : bare_) (*may)[rule_of_[id]] = 1;
    return;
  }
  std::vector<int> pass;  // also the patterns that gave no condition
  tree_->AllPotentials(found, &pass);
  for (const int id : pass) (*may)[rule_of_[id]] = 1;
}

void RuleFilter::PossibleEach(std::string_view text,
                              const std::vector<std::pair<uint32_t, uint32_t>>& parts,
                              std::vector<std::vector<char>>* may) const {
  may->resize(parts.size());
  for (auto& m : *may) m.assign(always_.begin(), always_.end());
  if (!tree_) return;
  // Each step of a walk waits for the move it reads (a table too big for
  // the first-level cache); four walks side by side wait together. Lane k
  // walks the parts i with i % 4 == k, one after another.
  constexpr size_t kLanes = 4;
  struct Lane {
    size_t part;       // the part it walks, parts.size() when done
    uint32_t at, end;  // its next byte and the part's end
    uint32_t row;      // the state's row
    std::vector<int> found;
    std::array<uint32_t, 64> ended;  // rows where atoms end, not yet taken
    size_t count = 0;
  };
  std::array<Lane, kLanes> lanes;
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t* moves = moves_.data();
  const uint16_t* byte_class = byte_class_.data();
  const uint32_t classes = classes_;
  auto take = [&](Lane& l) {
    for (size_t h = 0; h < l.count; ++h) {
      const uint32_t at = l.ended[h] / classes;
      for (uint32_t k = out_begin_[at]; k < out_begin_[at + 1]; ++k) l.found.push_back(out_[k]);
    }
    l.count = 0;
  };
  // Starts lane l on part i (or marks it done); a part it finishes on
  // the way is decided.
  auto start = [&](Lane& l, size_t i) {
    for (;; i += kLanes) {
      l.part = std::min(i, parts.size());
      if (l.part == parts.size()) return;
      l.at = parts[i].first;
      l.end = std::max(parts[i].first, parts[i].second);
      l.row = 0;
      l.found = present_;
      l.count = 0;
      if (l.at < l.end) return;
      Decide(l.found, &(*may)[i]);
    }
  };
  for (size_t k = 0; k < kLanes; ++k) start(lanes[k], k);
  for (;;) {
    // steps every lane can take: to the nearest end of a part, and no
    // more than the room left for ended rows
    uint32_t n = UINT32_MAX;
    for (const Lane& l : lanes) {
      if (l.part == parts.size()) continue;
      n = std::min({n, l.end - l.at, static_cast<uint32_t>(l.ended.size() - l.count)});
    }
    if (n == UINT32_MAX) break;
    if (lanes[0].part != parts.size() && lanes[1].part != parts.size() &&
        lanes[2].part != parts.size() && lanes[3].part != parts.size()) {
      Lane &a = lanes[0], &b = lanes[1], &c = lanes[2], &d = lanes[3];
      uint32_t ra = a.row, rb = b.row, rc = c.row, rd = d.row;
      for (uint32_t s = 0; s < n; ++s) {
        const uint32_t ma = moves[ra + byte_class[t[a.at + s]]];
        const uint32_t mb = moves[rb + byte_class[t[b.at + s]]];
        const uint32_t mc = moves[rc + byte_class[t[c.at + s]]];
        const uint32_t md = moves[rd + byte_class[t[d.at + s]]];
        ra = ma & ~kEnds;
        rb = mb & ~kEnds;
        rc = mc & ~kEnds;
        rd = md & ~kEnds;
        // noted always, kept when an atom ends there
        a.ended[a.count] = ra;
        a.count += ma >> 31;
        b.ended[b.count] = rb;
        b.count += mb >> 31;
        c.ended[c.count] = rc;
        c.count += mc >> 31;
        d.ended[d.count] = rd;
        d.count += md >> 31;
      }
      a.row = ra, b.row = rb, c.row = rc, d.row = rd;
      a.at += n, b.at += n, c.at += n, d.at += n;
    } else {
      for (Lane& l : lanes) {
        if (l.part == parts.size()) continue;
        uint32_t r = l.row;
        for (uint32_t s = 0; s < n; ++s) {
          const uint32_t m = moves[r + byte_class[t[l.at + s]]];
          r = m & ~kEnds;
          l.ended[l.count] = r;
          l.count += m >> 31;
        }
        l.row = r;
        l.at += n;
      }
    }
    for (size_t k = 0; k < kLanes; ++k) {
      Lane& l = lanes[k];
      if (l.part == parts.size()) continue;
      if (l.count + 1 >= l.ended.size()) take(l);
      if (l.at == l.end) {
        take(l);
        Decide(l.found, &(*may)[l.part]);
        start(l, l.part + kLanes);
      }
    }
  }
}

std::vector<std::string> RuleFilter::Atoms() const {
  std::vector<std::string> out = atoms_;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace clusterkg::internal
