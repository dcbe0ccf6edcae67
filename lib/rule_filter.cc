// Which rules can match a piece of text (internal/rule_filter.h).
#include "internal/rule_filter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <utility>

#include "internal/re_options.h"
#include "internal/utf8.h"

namespace clusterkg::internal {
namespace {

// The atoms of one pattern, or false when any match can do without them.
bool PatternAtoms(const Rule& rule, std::vector<std::string>* atoms) {
  re2::FilteredRE2 filter(/*min_atom_len=*/3);  // one CJK character
  int id = 0;                                   // parsed as the rule's own pattern is
  if (filter.Add(rule.pattern, RuleReOptions(), &id) != RE2::NoError) return false;
  filter.Compile(atoms);
  if (atoms->empty()) return false;
  for (const std::string& a : *atoms) {
    // FilteredRE2 lowercased the atom: a letter with case outside ASCII
    // could stand for another in the text
    for (size_t i = 0, len = 1; i < a.size(); i += len) {
      const int32_t c = DecodeUtf8(a, i, &len);
      if (c < 0 || (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_CASED))) return false;
    }
  }
  return true;
}

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

}  // namespace

RuleFilter::RuleFilter(const std::vector<const Rule*>& rules) {
  words_ = (rules.size() + 63) / 64;
  always_mask_.assign(words_, 0);
  always_.assign(rules.size(), 0);
  std::map<std::string, size_t> atom_index;
  for (size_t k = 0; k < rules.size(); ++k) {
    if (rules[k] == nullptr) continue;
    std::vector<std::string> atoms;
    if (!PatternAtoms(*rules[k], &atoms)) {
      always_[k] = 1;
      always_mask_[k / 64] |= uint64_t{1} << (k % 64);
      continue;
    }
    for (const std::string& a : atoms) {
      auto [it, added] = atom_index.emplace(a, atoms_.size());
      if (added) {
        atoms_.push_back(a);
        atom_rules_.resize(atom_rules_.size() + words_, 0);
      }
      atom_rules_[it->second * words_ + k / 64] |= uint64_t{1} << (k % 64);
    }
  }
  atom_at_.assign(1, -1);
  for (const auto& [atom, index] : atom_index) {
    const uint32_t node = trie_.Insert(atom);
    if (node >= atom_at_.size()) atom_at_.resize(node + 1, -1);
    atom_at_[node] = static_cast<int32_t>(index);
  }
  trie_.Freeze();
  atom_at_.resize(trie_.size(), -1);
}

void RuleFilter::Possible(std::string_view text, std::vector<char>* may) const {
  may->assign(always_.begin(), always_.end());
  if (atoms_.empty()) return;
  std::vector<uint64_t> mask = always_mask_;
  for (size_t p = 0; p < text.size(); ++p) {
    uint32_t node = trie_.Child(0, Lower(static_cast<unsigned char>(text[p])));
    for (size_t q = p + 1; node != 0; ++q) {
      if (const int32_t a = atom_at_[node]; a >= 0) {
        for (size_t w = 0; w < words_; ++w) mask[w] |= atom_rules_[a * words_ + w];
      }
      if (q >= text.size()) break;
      node = trie_.Child(node, Lower(static_cast<unsigned char>(text[q])));
    }
  }
  for (size_t k = 0; k < may->size(); ++k) {
    if ((mask[k / 64] >> (k % 64)) & 1) (*may)[k] = 1;
  }
}

std::vector<std::string> RuleFilter::Atoms(size_t k) const {
  std::vector<std::string> out;
  for (size_t a = 0; a < atoms_.size(); ++a) {
    if ((atom_rules_[a * words_ + k / 64] >> (k % 64)) & 1) out.push_back(atoms_[a]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace clusterkg::internal
