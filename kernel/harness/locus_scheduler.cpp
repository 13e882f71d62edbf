// locus_scheduler.cpp — see locus_scheduler.h.
#include "kernel/harness/locus_scheduler.h"

namespace sc {

namespace {

constexpr int kMaxBlockedRounds = 64;

}  // namespace

bool LocusScheduler::add(LocusId locus, LocusProgram* program) {
  if (count_ == kMaxLoci) return false;
  entries_[count_++] = Entry{locus, program, false, false};
  return true;
}

uint32_t LocusScheduler::candidates(uint32_t* out) const {
  uint32_t n = 0;
  for (uint32_t i = 0; i < count_; ++i) {
    const Entry& e = entries_[i];
    if (!e.done && !e.in_step && kernel_.locus_state(e.locus) == LocusState::runnable) out[n++] = i;
  }
  return n;
}

StepResult LocusScheduler::step(uint32_t index, bool nested) {
  Entry& e = entries_[index];
  e.in_step = true;
  ++nesting_;
  const StepResult r = e.program->step(kernel_, e.locus);
  --nesting_;
  e.in_step = false;
  if (r == StepResult::done) e.done = true;
  if (r == StepResult::progressed && observer_ != nullptr) observer_->stepped(e.locus, nested);
  return r;
}

bool LocusScheduler::run() {
  int blocked_rounds = 0;
  uint32_t ready[kMaxLoci];
  for (;;) {
    const uint32_t n = candidates(ready);
    if (n == 0) break;
    const StepResult r = step(ready[prng_.below(n)], false);
    blocked_rounds = r == StepResult::blocked ? blocked_rounds + 1 : 0;
    if (blocked_rounds > kMaxBlockedRounds * static_cast<int>(n)) return false;
  }
  for (uint32_t i = 0; i < count_; ++i)
    if (!entries_[i].done) return false;
  return true;
}

void LocusScheduler::yield_step() {
  if (nesting_ == 0) return;
  uint32_t ready[kMaxLoci];
  const uint32_t n = candidates(ready);
  if (n > 0) step(ready[prng_.below(n)], true);
}

}  // namespace sc
