// Fast forms of rule patterns (internal/fast_pattern.h).
#include "internal/fast_pattern.h"

#include <algorithm>
#include <cctype>

namespace clusterkg::internal {
namespace {

enum class Atom { kNone, kChar, kGroup };

struct Open {
  size_t out_start;
  bool rewritten = false;  // a rewritten repetition inside
};

// The end of the escape starting at s[i] == '\\', or npos when it is one
// this scanner does not know (\Q...\E, \C).
size_t EscapeEnd(std::string_view s, size_t i, bool* one_char) {
  if (i + 1 >= s.size()) return std::string_view::npos;
  const char c = s[i + 1];
  *one_char = true;
  if (c == 'Q' || c == 'E' || c == 'C') return std::string_view::npos;
  if (c == 'b' || c == 'B' || c == 'A' || c == 'z') *one_char = false;  // zero width
  if ((c == 'x' || c == 'p' || c == 'P') && i + 2 < s.size() && s[i + 2] == '{') {
    const size_t close = s.find('}', i + 3);
    return close == std::string_view::npos ? close : close + 1;
  }
  if ((c == 'p' || c == 'P') && i + 2 < s.size()) return i + 3;  // \pL
  if (c == 'x') return i + 4;                                    // \x41
  size_t len = 1;
  DecodeUtf8(s, i + 1, &len);
  return i + 1 + len;
}

// The end of the character class starting at s[i] == '['.
size_t ClassEnd(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '^') ++j;
  if (j < s.size() && s[j] == ']') ++j;
  while (j < s.size()) {
    if (s[j] == '\\') {
      bool one = true;
      const size_t e = EscapeEnd(s, j, &one);
      if (e == std::string_view::npos) return e;
      j = e;
    } else if (s[j] == '[' && j + 1 < s.size() && s[j + 1] == ':') {
      const size_t e = s.find(":]", j + 2);
      if (e == std::string_view::npos) return e;
      j = e + 2;
    } else if (s[j] == ']') {
      return j + 1;
    } else {
      ++j;
    }
  }
  return std::string_view::npos;
}

// The end of the group starting at s[i] == '(' (one past its ')'), or npos.
size_t GroupEnd(std::string_view s, size_t i) {
  int depth = 0;
  size_t j = i;
  while (j < s.size()) {
    if (s[j] == '\\') {
      bool one = true;
      j = EscapeEnd(s, j, &one);
      if (j == std::string_view::npos || j > s.size()) return std::string_view::npos;
    } else if (s[j] == '[') {
      j = ClassEnd(s, j);
      if (j == std::string_view::npos) return j;
    } else {
      if (s[j] == '(') ++depth;
      if (s[j] == ')' && --depth == 0) return j + 1;
      ++j;
    }
  }
  return std::string_view::npos;
}

// One item of a sequence: an atom and what repeats it.
struct Item {
  enum class Kind { kLiteral, kOneChar, kGroup, kOther } kind;
  std::string_view atom;   // a literal character, a class or escape, (...)
  std::string_view quant;  // "", "?", "*?", "{0,20}?" ...
};

// The items of s, or false when s has a | outside its groups or something
// this scanner does not know.
bool SplitItems(std::string_view s, std::vector<Item>* out) {
  using Kind = Item::Kind;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    Kind kind = Kind::kLiteral;
    size_t e = i + 1;
    if (c == '\\') {
      bool one = true;
      e = EscapeEnd(s, i, &one);
      kind = one ? Kind::kOneChar : Kind::kOther;
    } else if (c == '[') {
      e = ClassEnd(s, i);
      kind = Kind::kOneChar;
    } else if (c == '(') {
      e = GroupEnd(s, i);
      kind = Kind::kGroup;
    } else if (c == '.') {
      kind = Kind::kOneChar;
    } else if (c == '^' || c == '$') {
      kind = Kind::kOther;
    } else if (std::string_view("|)]{}*+?").find(c) != std::string_view::npos) {
      return false;
    } else {
      size_t len = 1;
      DecodeUtf8(s, i, &len);
      e = i + len;
    }
    if (e == std::string_view::npos || e > s.size()) return false;
    size_t q = e;
    if (q < s.size() && (s[q] == '*' || s[q] == '+' || s[q] == '?')) {
      ++q;
    } else if (q < s.size() && s[q] == '{') {
      const size_t close = s.find('}', q);
      if (close == std::string_view::npos) return false;
      const std::string_view body = s.substr(q + 1, close - q - 1);
      if (body.empty() || body.find_first_not_of("0123456789,") != std::string_view::npos ||
          body[0] == ',' || std::count(body.begin(), body.end(), ',') > 1)
        return false;
      q = close + 1;
    }
    if (q > e && q < s.size() && s[q] == '?') ++q;
    out->push_back({kind, s.substr(i, e - i), s.substr(e, q - e)});
    i = q;
  }
  return true;
}

// A lazy repetition from zero: *? or {0,n}?
bool LazyFromZero(std::string_view q) {
  if (q == "*?") return true;
  return q.size() >= 6 && q.substr(0, 3) == "{0," && q.substr(q.size() - 2) == "}?" &&
         q.substr(3, q.size() - 5).find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::unique_ptr<const SpanGroups> SpanGroups::Make(std::string_view p, int groups,
                                                   const FastPattern* fast) {
  if (groups < 1 || groups > 2 || p.substr(0, 4) != "(?P<" || GroupEnd(p, 0) != p.size())
    return nullptr;
  std::unique_ptr<SpanGroups> out(new SpanGroups());
  if (fast) {
    for (size_t k = 0; k < fast->bounds.size(); ++k) {
      out->bounds_.push_back({static_cast<size_t>(fast->bounds[k].second),
                              k < fast->after.size() ? fast->after[k] : std::string()});
    }
  }
  if (groups == 1) return out;
  // no flags: (? opens only (?: and (?P<
  for (size_t k = p.find("(?"); k != std::string_view::npos; k = p.find("(?", k + 2)) {
    if (p.substr(k + 2, 1) != ":" && p.substr(k + 2, 2) != "P<") return nullptr;
  }
  const size_t body = p.find('>') + 1;
  std::vector<Item> items;
  if (!SplitItems(p.substr(body, p.size() - 1 - body), &items) || items.size() < 2) return nullptr;
  // the head: (?P<head>W1|...|Wk), plain words
  const Item& head = items.back();
  if (head.kind != Item::Kind::kGroup || !head.quant.empty() || head.atom.substr(0, 4) != "(?P<")
    return nullptr;
  const size_t words_at = head.atom.find('>') + 1;
  const std::string_view words = head.atom.substr(words_at, head.atom.size() - 1 - words_at);
  if (words.empty() || words.find_first_of("\\.[](){}*+?^$") != std::string_view::npos)
    return nullptr;
  std::vector<int32_t> in_words;  // the words' characters
  std::vector<uint32_t> ends;
  for (size_t a = 0; a <= words.size();) {
    size_t z = words.find('|', a);
    if (z == std::string_view::npos) z = words.size();
    const std::string_view w = words.substr(a, z - a);
    if (w.empty()) return nullptr;
    std::string reversed(w.rbegin(), w.rend());
    ends.push_back(out->words_.Insert(reversed));
    for (size_t k = 0, len = 1; k < w.size(); k += len) in_words.push_back(DecodeUtf8(w, k, &len));
    a = z + 1;
  }
  out->words_.Freeze();
  out->ends_.assign(out->words_.size(), false);
  for (uint32_t n : ends) out->ends_[n] = true;
  auto in_no_word = [&](std::string_view c) {
    size_t len = 1;
    const int32_t cp = DecodeUtf8(c, 0, &len);
    return cp >= 0 && len == c.size() &&
           std::find(in_words.begin(), in_words.end(), cp) == in_words.end();
  };
  // R, then each item before it
  const Item& r = items[items.size() - 2];
  if (r.kind != Item::Kind::kOneChar || !LazyFromZero(r.quant)) return nullptr;
  auto once = [](std::string_view q) { return q.empty() || q == "?" || q == "??"; };
  for (size_t k = 0; k + 2 < items.size(); ++k) {
    const Item& it = items[k];
    if (it.kind == Item::Kind::kOneChar && LazyFromZero(it.quant)) continue;
    if (it.kind == Item::Kind::kLiteral && once(it.quant) && in_no_word(it.atom)) continue;
    if (it.kind == Item::Kind::kGroup && it.atom.substr(0, 3) == "(?:" && once(it.quant)) {
      std::vector<Item> inner;
      if (SplitItems(it.atom.substr(3, it.atom.size() - 4), &inner) && !inner.empty() &&
          inner.back().kind == Item::Kind::kLiteral && inner.back().quant.empty() &&
          in_no_word(inner.back().atom))
        continue;
    }
    return nullptr;
  }
  out->has_head_ = true;
  return out;
}

bool MakeFastPattern(std::string_view p, FastPattern* out) {
  std::string o;
  std::vector<Open> stack;
  std::vector<int> group{0};
  std::vector<std::pair<int, int>> bounds;
  int fast_groups = 0;
  Atom atom = Atom::kNone;
  size_t atom_start = 0;
  bool last_group_rewritten = false;
  // the previous item when it is one literal character, unrepeated; and
  // what it was where the present atom starts
  std::string lit, lit_before;
  std::vector<std::string> after;
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    const std::string prev = std::move(lit);
    lit.clear();
    if (c != '*' && c != '+' && c != '?' && c != '{' && c != ')') lit_before = prev;
    if (c == '\\') {
      bool one = true;
      const size_t e = EscapeEnd(p, i, &one);
      if (e == std::string_view::npos || e > p.size()) return false;
      atom_start = o.size();
      o.append(p.substr(i, e - i));
      atom = one ? Atom::kChar : Atom::kNone;
      i = e;
    } else if (c == '[') {
      const size_t e = ClassEnd(p, i);
      if (e == std::string_view::npos) return false;
      atom_start = o.size();
      o.append(p.substr(i, e - i));
      atom = Atom::kChar;
      i = e;
    } else if (c == '(') {
      size_t e = i + 1;
      bool capturing = true;
      if (p.substr(i, 4) == "(?P<") {
        e = p.find('>', i);
        if (e == std::string_view::npos) return false;
        ++e;
      } else if (p.substr(i, 2) == "(?") {
        const size_t colon = p.find_first_of(":)", i + 2);
        if (colon == std::string_view::npos) return false;
        if (p[colon] == ')') {  // (?i): flags, no group
          o.append(p.substr(i, colon + 1 - i));
          atom = Atom::kNone;
          i = colon + 1;
          continue;
        }
        capturing = false;
        e = colon + 1;
      }
      if (capturing) group.push_back(++fast_groups);
      stack.push_back({o.size()});
      o.append(p.substr(i, e - i));
      atom = Atom::kNone;
      i = e;
    } else if (c == ')') {
      if (stack.empty()) return false;
      const Open g = stack.back();
      stack.pop_back();
      if (g.rewritten && !stack.empty()) stack.back().rewritten = true;
      o += ')';
      atom = Atom::kGroup;
      atom_start = g.out_start;
      last_group_rewritten = g.rewritten;
      ++i;
    } else if (c == '*' || c == '+' || c == '?' || c == '{') {
      size_t e = i + 1;
      long lo = 0, hi = -1;  // hi -1: unbounded
      if (c == '{') {
        const size_t close = p.find('}', i);
        if (close == std::string_view::npos) return false;
        const std::string body(p.substr(i + 1, close - i - 1));
        const size_t comma = body.find(',');
        if (body.empty() || !std::isdigit(static_cast<unsigned char>(body[0]))) {
          // a literal brace
          lit_before = prev;
          atom_start = o.size();
          o += c;
          atom = Atom::kChar;
          ++i;
          continue;
        }
        if (body.size() > 9) return false;
        lo = std::stol(body);
        hi = comma == std::string::npos
                 ? lo
                 : (comma + 1 < body.size() ? std::stol(body.substr(comma + 1)) : -1);
        // RE2 refuses counts over 1000: so must the pattern as written be
        // found bad when its pack is compiled, not when first used
        if (lo > 1000 || hi > 1000) return false;
        e = close + 1;
      } else {
        hi = c == '?' ? 1 : -1;
      }
      const bool lazy = e < p.size() && p[e] == '?';
      const size_t q_end = lazy ? e + 1 : e;
      if (atom == Atom::kGroup && last_group_rewritten && (hi < 0 || hi > 1)) {
        return false;  // a repeated group would capture only its last round
      }
      if (atom == Atom::kChar && c == '{' && hi >= 0 && hi - lo >= 4) {
        const std::string x = o.substr(atom_start);
        o.resize(atom_start);
        o += '(' + x + '{' + std::to_string(lo) + ",}" + (lazy ? "?" : "") + ')';
        bounds.emplace_back(++fast_groups, static_cast<int>(hi));
        after.push_back(lit_before);
        // groups opened after this atom's start come later in the count:
        // none can, the atom is one character
        if (!stack.empty()) stack.back().rewritten = true;
      } else {
        o.append(p.substr(i, q_end - i));
      }
      atom = Atom::kNone;
      i = q_end;
    } else {
      size_t len = 1;
      DecodeUtf8(p, i, &len);
      atom_start = o.size();
      o.append(p.substr(i, len));
      atom = (c == '|' || c == '^' || c == '$') ? Atom::kNone : Atom::kChar;
      if (atom == Atom::kChar) lit = std::string(p.substr(i, len));
      i += len;
    }
  }
  if (!stack.empty() || bounds.empty()) return false;
  // the rewritten repetitions' groups were numbered as they were met, but a
  // capturing group opened earlier and still open has a smaller number: the
  // order of '(' in the output is the order of numbers, which holds since
  // each new group's '(' is written at the atom's start, after every '('
  // before it
  out->pattern = std::move(o);
  out->group = std::move(group);
  out->bounds = std::move(bounds);
  out->after = std::move(after);
  return true;
}

}  // namespace clusterkg::internal
