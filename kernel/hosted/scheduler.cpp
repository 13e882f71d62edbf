// scheduler.cpp — see scheduler.h.
#include "kernel/hosted/scheduler.h"

namespace sc {

namespace {
constexpr int kMaxBlockedRounds = 64;
}

void Scheduler::add(LocusId locus, LocusProgram* program) {
  entries_.push_back(Entry{locus, program, false, false});
}

std::vector<size_t> Scheduler::candidates() const {
  std::vector<size_t> out;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (!e.done && !e.in_step && kernel_.locus_state(e.locus) == LocusState::runnable) out.push_back(i);
  }
  return out;
}

StepResult Scheduler::step(size_t index, bool nested) {
  entries_[index].in_step = true;
  ++nesting_;
  const StepResult r = entries_[index].program->step(kernel_, entries_[index].locus);
  --nesting_;
  entries_[index].in_step = false;
  if (r == StepResult::done) entries_[index].done = true;
  if (r == StepResult::progressed) log_.push_back(StepRecord{entries_[index].locus, nested});
  return r;
}

bool Scheduler::run() {
  int blocked_rounds = 0;
  for (;;) {
    const std::vector<size_t> ready = candidates();
    if (ready.empty()) break;
    const StepResult r = step(ready[prng_.below(ready.size())], false);
    blocked_rounds = r == StepResult::blocked ? blocked_rounds + 1 : 0;
    if (blocked_rounds > kMaxBlockedRounds * static_cast<int>(ready.size())) return false;
  }
  for (const Entry& e : entries_)
    if (!e.done) return false;
  return true;
}

void Scheduler::yield_step() {
  if (nesting_ == 0) return;
  const std::vector<size_t> ready = candidates();
  if (!ready.empty()) step(ready[prng_.below(ready.size())], true);
}

}  // namespace sc
