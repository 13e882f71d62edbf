// memoised_checker.cpp — see memoised_checker.h.
#include "injector/check/memoised_checker.h"

namespace sc {

const Recovered* MemoisedChecker::recover(const crash::ImageView& image, std::span<const crash::Fault> faults,
                                          const NextState* next) {
  if (!checker_) {
    checker_ = make_();
    if (memoise_ && checker_->notes_reads()) memo_.emplace();
  }
  if (!memo_ || !faults.empty()) {
    ++recoveries_;
    last_ = next ? checker_->recover_then(image, faults, *next) : checker_->recover(image, faults);
    return &last_;
  }
  if (const Recovered* known = memo_->recall(image)) {
    ++recalled_;
    return known;
  }
  reads_.clear();
  ++recoveries_;
  last_ = checker_->recover_noting_reads(image, reads_);
  memo_->remember(image, reads_, last_);
  return &last_;
}

}  // namespace sc
