// The normalise stage: a per-code-point table from ICU's NFKC and Hant-Hans.
#include "clusterkg/normalize.h"

#include <algorithm>
#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/udata.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include "internal/utf8.h"

namespace clusterkg {
namespace {

bool IsDoubleQuote(UChar32 c) {
  return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x300C || c == 0x300D ||
         c == 0x301D || c == 0x301E || c == 0x301F || c == 0xFF02;
}
bool IsSingleQuote(UChar32 c) {
  return c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x300E || c == 0x300F ||
         c == 0xFF07;
}

// ICU's Hant-Hans transform. Made from its rules, read from ICU's
// transform data where ICU's own registry would find them: the same
// transform (checked on every Han character of the BMP), made in half the
// time, because the registry of every transform ICU has is not built.
// When the data is not laid out so, through the registry after all.
std::unique_ptr<icu::Transliterator> HantToHans(UErrorCode& err) {
  struct Closer {
    void operator()(UResourceBundle* b) const { ures_close(b); }
  };
  using Bundle = std::unique_ptr<UResourceBundle, Closer>;
  UErrorCode e = U_ZERO_ERROR;
  Bundle root(ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit", "root", &e));
  Bundle ids(ures_getByKey(root.get(), "RuleBasedTransliteratorIDs", nullptr, &e));
  Bundle entry(ures_getByKey(ids.get(), "Hant-Hans", nullptr, &e));
  Bundle file(ures_getByKey(entry.get(), "file", nullptr, &e));
  int32_t len = 0;
  const UChar* rules = ures_getStringByKey(file.get(), "resource", &len, &e);
  const UChar* dir = nullptr;
  int32_t dir_len = 0;
  if (U_SUCCESS(e)) dir = ures_getStringByKey(file.get(), "direction", &dir_len, &e);
  if (U_SUCCESS(e) && rules && dir) {
    const icu::UnicodeString direction(dir, dir_len);
    UParseError parse;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        "Hant-Hans", icu::UnicodeString(rules, len),
        direction == "REVERSE" ? UTRANS_REVERSE : UTRANS_FORWARD, parse, e));
    if (U_SUCCESS(e) && t) return t;
  }
  return std::unique_ptr<icu::Transliterator>(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, err));
}

}  // namespace

Result<std::shared_ptr<const Normalizer>> Normalizer::Create(const NormalizeOptions& options) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) return InternalError(std::string("ICU NFKC: ") + u_errorName(err));
  std::unique_ptr<icu::Transliterator> t2s;
  if (options.traditional_to_simplified) {
    t2s = HantToHans(err);
    if (U_FAILURE(err) || !t2s) {
      return InternalError(std::string("ICU transform Hant-Hans: ") + u_errorName(err));
    }
  }
  std::shared_ptr<Normalizer> n(new Normalizer());
  n->table_.assign(0x10000, 0);
  n->pool_.assign(1, '\0');

  // First NFKC per code point; then Hant-Hans over every Han result it may
  // change at once, one code point per line, which keeps the transform to
  // single characters. What it may change is its source set (some 4,000
  // characters, where Han has some 28,000 in this plane): the others it
  // leaves as they are.
  icu::UnicodeSet t2s_source;
  if (t2s) t2s->getSourceSet(t2s_source);
  std::vector<icu::UnicodeString> out(0x10000);
  std::vector<bool> changed(0x10000, false);
  icu::UnicodeString batch;
  std::vector<UChar32> batch_cps;
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    icu::UnicodeString s(c);
    if (options.nfkc && c >= 0xA0 && !nfkc->isNormalized(s, err)) {
      s = nfkc->normalize(s, err);
      changed[c] = true;
    }
    if (U_FAILURE(err)) return InternalError(std::string("ICU NFKC: ") + u_errorName(err));
    if (options.unify_quotes && IsDoubleQuote(c)) {
      s = icu::UnicodeString(static_cast<UChar32>('"'));
      changed[c] = true;
    } else if (options.unify_quotes && IsSingleQuote(c)) {
      s = icu::UnicodeString(static_cast<UChar32>('\''));
      changed[c] = true;
    }
    out[c] = s;
    if (t2s && s.length() == 1 && internal::IsHan(s.char32At(0)) &&
        t2s_source.contains(s.char32At(0))) {
      batch.append(s).append(static_cast<UChar>('\n'));
      batch_cps.push_back(c);
    }
  }
  if (t2s) {
    t2s->transliterate(batch);
    int32_t start = 0;
    size_t k = 0;
    while (start < batch.length() && k < batch_cps.size()) {
      int32_t nl = batch.indexOf(static_cast<UChar>('\n'), start);
      if (nl < 0) nl = batch.length();
      icu::UnicodeString piece(batch, start, nl - start);
      const UChar32 c = batch_cps[k++];
      if (piece != out[c]) {
        out[c] = piece;
        changed[c] = true;
      }
      start = nl + 1;
    }
    if (k != batch_cps.size()) return InternalError("ICU Hant-Hans changed the line count");
  }
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if (!changed[c]) continue;
    std::string utf8;
    out[c].toUTF8String(utf8);
    if (utf8.size() > 255) continue;
    n->table_[c] = static_cast<uint32_t>(n->pool_.size());
    n->pool_ += static_cast<char>(utf8.size());
    n->pool_ += utf8;
  }
  return std::shared_ptr<const Normalizer>(std::move(n));
}

std::string Normalizer::Normalize(std::string_view s) const {
  std::string out;
  out.reserve(s.size());
  size_t i = 0, len = 0;
  while (i < s.size()) {
    const int32_t cp = internal::DecodeUtf8(s, i, &len);
    const uint32_t idx = (cp >= 0 && cp < 0x10000) ? table_[cp] : 0;
    if (idx) {
      out.append(pool_, idx + 1, static_cast<unsigned char>(pool_[idx]));
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

void Normalizer::Apply(Document& doc) const {
  std::string text;
  text.reserve(doc.text.size());
  OffsetMap mid;  // new text -> old text
  // block boundaries, sorted, to move onto the new text as we pass them
  std::vector<uint32_t> marks;
  for (const Block& bl : doc.blocks) {
    marks.push_back(bl.span.begin);
    marks.push_back(bl.span.end);
  }
  std::sort(marks.begin(), marks.end());
  marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
  std::vector<uint32_t> moved(marks.size(), 0);
  size_t next_mark = 0;
  const std::string_view s(doc.text);
  size_t i = 0, len = 0;
  size_t run = 0;  // start of the characters kept as they are, not yet copied
  auto copy_run = [&] {
    if (i == run) return;
    text.append(s.data() + run, i - run);
    mid.AppendCopy(static_cast<uint32_t>(i - run), static_cast<uint32_t>(run));
    run = i;
  };
  while (i < s.size()) {
    if (next_mark < marks.size() && marks[next_mark] <= i) {
      copy_run();
      while (next_mark < marks.size() && marks[next_mark] <= i) {
        moved[next_mark++] = static_cast<uint32_t>(text.size());
      }
    }
    const int32_t cp = internal::DecodeUtf8(s, i, &len);
    const uint32_t idx = (cp >= 0 && cp < 0x10000) ? table_[cp] : 0;
    if (idx) {
      copy_run();
      const size_t n = static_cast<unsigned char>(pool_[idx]);
      text.append(pool_, idx + 1, n);
      mid.Append(static_cast<uint32_t>(n), static_cast<uint32_t>(i),
                 static_cast<uint32_t>(i + len));
      run = i + len;
    }
    i += len;
  }
  copy_run();
  while (next_mark < marks.size()) moved[next_mark++] = static_cast<uint32_t>(text.size());
  doc.offsets = mid.Compose(doc.offsets);
  doc.text = std::move(text);
  auto move = [&](uint32_t old) {
    return moved[std::lower_bound(marks.begin(), marks.end(), old) - marks.begin()];
  };
  for (Block& bl : doc.blocks) bl.span = {move(bl.span.begin), move(bl.span.end)};
}

}  // namespace clusterkg
