// last_verdict.h — LastVerdict: the verdict of the state judged last, given
// again to the next state that recalls the same recovery under the same
// window (classify() is a function of those alone), instead of comparing the
// recovered state with the stable states once more: consecutive states of a
// cut mostly recall one recovery.
// Interface: judge(); `recoveries` must change whenever what an earlier
// `recovered` pointer names may have changed (MemoisedChecker::recoveries()).
#pragma once
#include <span>

#include "injector/oracle/verdict.h"

namespace sc {

class LastVerdict {
 public:
  const Verdict& judge(const Workload& w, std::span<const SystemState> history, const LegalWindow& window,
                       const Recovered* recovered, uint64_t recoveries) {
    if (!(recovered == recovered_ && recoveries == recoveries_ && window == window_)) {
      verdict_ = classify(w, history, window, *recovered);
      recovered_ = recovered;
      recoveries_ = recoveries;
      window_ = window;
    }
    return verdict_;
  }

 private:
  const Recovered* recovered_ = nullptr;
  uint64_t recoveries_ = 0;
  LegalWindow window_;
  Verdict verdict_;
};

}  // namespace sc
