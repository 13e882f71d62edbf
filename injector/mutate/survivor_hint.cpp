// survivor_hint.cpp — see survivor_hint.h.
#include "injector/mutate/survivor_hint.h"

#include <fmt/format.h>

namespace sc::mutate {

namespace {

bool has(const crash::ModeSet& modes, crash::Mode m) { return modes.test(static_cast<size_t>(m)); }

// What the operator needs a crash state to show, in words.
std::string needed(MutantOp op) {
  switch (op) {
    case MutantOp::drop_flush:
      return "a crash state between this flush and the next that keeps a later write but not an earlier one";
    case MutantOp::drop_write:
      return "a recovery that reads the dropped block before it is written again";
    case MutantOp::delay_write:
      return "a crash state between the flush and the delayed write that recovery reads the block in";
    case MutantOp::misdirect:
      return "a recovery that reads the block meant or the live block overwritten";
    case MutantOp::publish_early:
      return "a crash state that keeps the kernel's root copy and drops the manager's unflushed writes";
    case MutantOp::kernel_drop_fua_root:
      return "a crash state that keeps the cut record and drops the in-flight root copy";
    case MutantOp::kernel_drop_fua_cut:
      return "a crash state after a later request that drops the in-flight cut record";
    case MutantOp::kernel_swap_cut_root:
      return "a crash state between the cut record and the root copy written after it";
  }
  return "";
}

}  // namespace

std::string survivor_hint(const SurvivorEvidence& e) {
  const std::string seen = fmt::format("{} states checked, {} images new and {} lost against the original, all legal",
                                       e.states, e.new_images, e.lost_images);
  if (!has(e.modes, crash::Mode::reorder) && e.op != MutantOp::drop_write && e.op != MutantOp::misdirect)
    return fmt::format("needs {}: add --modes reorder ({})", needed(e.op), seen);
  if (!e.workload_crashes && (e.op == MutantOp::drop_write || e.op == MutantOp::misdirect))
    return fmt::format("needs {}: add a workload that crashes and recovers after this stabilisation and reads "
                       "its pages back ({})", needed(e.op), seen);
  if (e.new_images == 0)
    return fmt::format("needs {}: the mutant only removes crash images; add a workload whose later stabilisation "
                       "depends on this one's blocks ({})", needed(e.op), seen);
  return fmt::format("needs {}: add a workload that crashes mid-snapshot here with reorder and more writes per "
                     "stabilisation, so the state it changes is read back ({})", needed(e.op), seen);
}

}  // namespace sc::mutate
