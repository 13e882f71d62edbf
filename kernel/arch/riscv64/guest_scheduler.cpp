// guest_scheduler.cpp — see guest_scheduler.h.
#include "kernel/arch/riscv64/guest_scheduler.h"

namespace rv {

namespace {

constexpr int kMaxBlockedRounds = 64;

}  // namespace

bool GuestScheduler::add(sc::LocusId locus, UserLocus* program) {
  if (count_ == sc::kMaxLoci) return false;
  entries_[count_++] = Entry{locus, program, false, false};
  return true;
}

uint32_t GuestScheduler::candidates(uint32_t* out) const {
  uint32_t n = 0;
  for (uint32_t i = 0; i < count_; ++i) {
    const Entry& e = entries_[i];
    if (!e.done && !e.in_step && kernel_.locus_state(e.locus) == sc::LocusState::runnable) out[n++] = i;
  }
  return n;
}

StepResult GuestScheduler::step(uint32_t index) {
  entries_[index].in_step = true;
  ++nesting_;
  const StepResult r = entries_[index].program->step(kernel_, entries_[index].locus);
  --nesting_;
  entries_[index].in_step = false;
  if (r == StepResult::done) entries_[index].done = true;
  return r;
}

bool GuestScheduler::run() {
  int blocked_rounds = 0;
  uint32_t ready[sc::kMaxLoci];
  for (;;) {
    const uint32_t n = candidates(ready);
    if (n == 0) break;
    const StepResult r = step(ready[prng_.below(n)]);
    blocked_rounds = r == StepResult::blocked ? blocked_rounds + 1 : 0;
    if (blocked_rounds > kMaxBlockedRounds * static_cast<int>(n)) return false;
  }
  for (uint32_t i = 0; i < count_; ++i)
    if (!entries_[i].done) return false;
  return true;
}

void GuestScheduler::yield_step() {
  if (nesting_ == 0) return;
  uint32_t ready[sc::kMaxLoci];
  const uint32_t n = candidates(ready);
  if (n > 0) step(ready[prng_.below(n)]);
}

}  // namespace rv
