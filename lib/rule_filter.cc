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
  atom_at_.assign(1, -1);
  for (size_t a = 0; a < atoms_.size(); ++a) {
    if (CaseMayDiffer(atoms_[a])) {
      present_.push_back(static_cast<int>(a));
      continue;
    }
    if (!atoms_[a].empty() && (static_cast<unsigned char>(atoms_[a][0]) & 0xC0) == 0x80) {
      at_chars_ = false;
    }
    const uint32_t node = trie_.Insert(atoms_[a]);
    if (node >= atom_at_.size()) atom_at_.resize(node + 1, -1);
    atom_at_[node] = static_cast<int32_t>(a);
  }
  trie_.Freeze();
  atom_at_.resize(trie_.size(), -1);
  tree_->AllPotentials(present_, &bare_);  // what passes where no other atom is
}

void RuleFilter::Possible(std::string_view text, std::vector<char>* may) const {
  may->assign(always_.begin(), always_.end());
  if (!tree_) return;
  std::vector<int> found = present_;
  for (size_t p = 0; p < text.size(); ++p) {
    const auto c = static_cast<unsigned char>(text[p]);
    if (at_chars_ && (c & 0xC0) == 0x80) continue;
    uint32_t node = trie_.Child(0, Lower(c));
    for (size_t q = p + 1; node != 0; ++q) {
      if (const int32_t a = atom_at_[node]; a >= 0) found.push_back(a);
      if (q >= text.size()) break;
      node = trie_.Child(node, Lower(static_cast<unsigned char>(text[q])));
    }
  }
  if (found.size() == present_.size()) {
    for (const int id : bare_) (*may)[rule_of_[id]] = 1;
    return;
  }
  std::vector<int> pass;  // also the patterns that gave no condition
  tree_->AllPotentials(found, &pass);
  for (const int id : pass) (*may)[rule_of_[id]] = 1;
}

std::vector<std::string> RuleFilter::Atoms() const {
  std::vector<std::string> out = atoms_;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace clusterkg::internal
