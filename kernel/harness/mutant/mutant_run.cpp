// mutant_run.cpp — see mutant_run.h.
#include "kernel/harness/mutant/mutant_run.h"

namespace sc {

void MutantRun::power_cut() {
  held_.held = false;
  for (ManagerOrdinals& m : managers_) {
    if (m.in_snapshot) ++m.stabilisation;
    m.in_snapshot = false;
    m.flush_owed = false;
  }
  if (kernel_.in_root_copy) ++kernel_.stabilisation;
  kernel_.in_root_copy = false;
}

}  // namespace sc
