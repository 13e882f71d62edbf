// cut_threads.h — CutThreads: what the threads of an exploration by cuts
// (explore_by_cuts.h, exhaustive_by_cuts.h) share to coordinate: the cores
// they may use, the per-cut tallies, the flags that end them, the counts
// progress reports, and the first error any of them threw.
// Invariants: `over` is set once the calling thread is done (helpers then
// take no more cuts); `interrupted` ends every thread at its next state or
// run; fail() keeps the first error and interrupts.
#pragma once
#include <atomic>
#include <cstdint>
#include <exception>

#include "injector/check/core_share.h"
#include "injector/check/cut_tallies.h"
#include "injector/check/first_error.h"

namespace sc {

struct CutThreads {
  CutThreads(CoreShare& cores_, size_t cuts) : cores(cores_), tallies(cuts) {}

  CoreShare& cores;
  CutTallies tallies;
  std::atomic<bool> over{false};
  std::atomic<bool> interrupted{false};
  std::atomic<uint64_t> states{0}, illegal{0};  // judged so far, for progress
  FirstError error;

  void fail(std::exception_ptr e) {
    error.keep(e);
    interrupted = true;
  }
};

}  // namespace sc
