// inproc_checker.h — recovers a crash image in-process and reads back what
// the recovered managers hold. One Machine is reused for every image (a boot
// resets all of its state), so a check costs a recovery and a read-back,
// not an allocation of the whole machine.
#pragma once
#include "injector/common/seeded_bugs.h"
#include "injector/crash/crash_image.h"
#include "injector/oracle/verdict.h"
#include "kernel/hosted/machine.h"
#include "kernel/hosted/mem_disk.h"

namespace sc {

class InprocChecker {
 public:
  InprocChecker(const Workload& w, const SeededBugs& bugs);

  Recovered recover(const crash::ImageView& image);

 private:
  const Workload& w_;
  MemDisk placeholder_{1};
  Machine machine_;
};

}  // namespace sc
