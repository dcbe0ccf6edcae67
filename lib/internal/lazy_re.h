// A rule's pattern as written, compiled on first use (Rule::re()).
#ifndef CLUSTERKG_LIB_INTERNAL_LAZY_RE_H_
#define CLUSTERKG_LIB_INTERNAL_LAZY_RE_H_

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "internal/re_options.h"

namespace clusterkg::internal {

// THREAD SAFETY: Get may run concurrently; the first call compiles.
class LazyRe {
 public:
  // Compiled already.
  explicit LazyRe(std::shared_ptr<const RE2> re) : re_(std::move(re)) {
    std::call_once(once_, [] {});
  }
  // Compiled with the rules' options on first Get.
  explicit LazyRe(std::string pattern) : pattern_(std::move(pattern)) {}

  const RE2& Get() const {
    std::call_once(once_, [this] { re_ = std::make_shared<const RE2>(pattern_, RuleReOptions()); });
    return *re_;
  }

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::shared_ptr<const RE2> re_;
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_LAZY_RE_H_
