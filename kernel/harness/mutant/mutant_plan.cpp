// mutant_plan.cpp — see mutant_plan.h.
#include "kernel/harness/mutant/mutant_plan.h"

namespace sc {

const char* mutant_op_name(MutantOp op) {
  switch (op) {
    case MutantOp::drop_flush: return "drop-flush";
    case MutantOp::drop_write: return "drop-write";
    case MutantOp::delay_write: return "delay-write";
    case MutantOp::misdirect: return "misdirect";
    case MutantOp::publish_early: return "publish-early";
    case MutantOp::kernel_drop_fua_root: return "kernel-drop-fua-root";
    case MutantOp::kernel_drop_fua_cut: return "kernel-drop-fua-cut";
    case MutantOp::kernel_swap_cut_root: return "kernel-swap-cut-root";
  }
  return "?";
}

}  // namespace sc
