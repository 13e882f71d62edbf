// checker_pool.h — in-process checkers reused across fuzz inputs, one per
// boot configuration, so an input costs a recovery, not a new Machine (its
// kernel alone is ~2 MB to allocate, fault in and free).
//
// Interface: CheckerPool::adopt(w) takes the input's workload and returns the
// slot whose checker recovers images of it; slot.workload is the workload
// from then on (the checker reads it by reference: container names, what to
// read back). Invariants: a slot's checker was built for exactly the boot
// configuration of every workload it is given (same managers, programs,
// homes, partitions, seeded bugs), and InprocChecker boots its Machine afresh
// for every image (Kernel::boot resets every kernel table; each manager
// program is constructed anew at boot), so nothing of one input survives
// into the next. The pool only grows: one slot per distinct configuration.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "injector/common/seeded_bugs.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/workload/workload.h"

namespace sc::fuzz {

struct CheckerSlot {
  CheckerSlot(Workload w, const SeededBugs& bugs) : workload(std::move(w)), checker(workload, bugs) {}
  Workload workload;
  InprocChecker checker;
};

class CheckerPool {
 public:
  explicit CheckerPool(const SeededBugs& bugs) : bugs_(bugs) {}
  CheckerSlot& adopt(Workload w);

 private:
  SeededBugs bugs_;
  std::map<std::string, std::unique_ptr<CheckerSlot>> slots_;
};

// Every field of the managers' boot configuration `w` gives with `bugs`, as a
// key (the kernel's seeded bugs come from `bugs` alone, fixed per pool).
std::string manager_config_key(const Workload& w, const SeededBugs& bugs);

}  // namespace sc::fuzz
