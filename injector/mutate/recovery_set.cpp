// recovery_set.cpp — see recovery_set.h.
#include "injector/mutate/recovery_set.h"

#include <algorithm>

namespace sc::mutate {

std::function<void(const LegalWindow&, const Verdict&)> RecoveryCollector::observer() {
  return [this](const LegalWindow& w, const Verdict& v) {
    if (v.legal() && v.matched != SIZE_MAX) pairs_.emplace_back(w.previous, w.current, v.matched);
  };
}

RecoverySet RecoveryCollector::take() {
  std::sort(pairs_.begin(), pairs_.end());
  pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  return std::move(pairs_);
}

}  // namespace sc::mutate
