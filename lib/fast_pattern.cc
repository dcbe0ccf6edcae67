// Fast forms of rule patterns (internal/fast_pattern.h).
#include "internal/fast_pattern.h"

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

}  // namespace

bool MakeFastPattern(std::string_view p, FastPattern* out) {
  std::string o;
  std::vector<Open> stack;
  std::vector<int> group{0};
  std::vector<std::pair<int, int>> bounds;
  int fast_groups = 0;
  Atom atom = Atom::kNone;
  size_t atom_start = 0;
  bool last_group_rewritten = false;
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
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
          atom_start = o.size();
          o += c;
          atom = Atom::kChar;
          ++i;
          continue;
        }
        lo = std::stol(body);
        hi = comma == std::string::npos
                 ? lo
                 : (comma + 1 < body.size() ? std::stol(body.substr(comma + 1)) : -1);
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
  return true;
}

}  // namespace clusterkg::internal
