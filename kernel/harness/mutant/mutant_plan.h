// mutant_plan.h — the vocabulary of durability mutants: the operators, a
// site (where one operator applies), the plan of one run (count the sites,
// or apply one operator at one site) and the sink the sites are counted into.
// Platform-free (kernel/core rules: no heap, libc, exceptions or RTTI).
//
// A manager site is (manager id, stabilisation ordinal, call ordinal): the
// stabilisation ordinal counts the manager's container_snapshot upcalls and
// the call ordinal its disk_write/disk_flush calls within one, both over the
// whole recorded run (every boot), so a deterministic workload meets the same
// site at the same call in every run. A kernel site is (kKernelSite, the
// kernel's stabilisation ordinal — its ROOT_COPY phases —, the ordinal of its
// write within it).
#pragma once
#include <stdint.h>

#include "kernel/core/ids.h"

namespace sc {

enum class MutantOp : uint8_t {
  drop_flush,            // a disk_flush returns ok without flushing
  drop_write,            // a disk_write returns ok without writing
  delay_write,           // a disk_write is issued right after the next disk_flush (or at the upcall's end)
  misdirect,             // a disk_write lands on the next block of the partition (modulo its size)
  publish_early,         // the flush before the last root-page update is issued at the manager's next upcall
  kernel_drop_fua_root,  // a root copy is written without FUA
  kernel_drop_fua_cut,   // a cut record is written without FUA
  kernel_swap_cut_root,  // the cut record is written before the root copy that precedes it
};
constexpr uint32_t kMutantOpCount = 8;

// The operator's name as the CLI and the results database spell it.
const char* mutant_op_name(MutantOp op);
// True for the operators applied at the kernel's block device.
constexpr bool is_kernel_op(MutantOp op) { return static_cast<uint32_t>(op) >= 5; }

// The manager field of a kernel site.
constexpr uint32_t kKernelSite = 0xffff;

struct MutantSite {
  uint32_t manager = 0;        // ManagerId, or kKernelSite
  uint32_t stabilisation = 0;  // ordinal over the whole run
  uint32_t call = 0;           // ordinal within the stabilisation
};

constexpr bool operator==(const MutantSite& a, const MutantSite& b) {
  return a.manager == b.manager && a.stabilisation == b.stabilisation && a.call == b.call;
}

// apply=false: count sites only (nothing is changed).
struct MutantPlan {
  bool apply = false;
  MutantOp op = MutantOp::drop_flush;
  MutantSite site;
};

// Receives every site a run passes, with each operator that applies there.
class MutantSiteSink {
 public:
  virtual void site(MutantOp op, const MutantSite& where) = 0;

 protected:
  ~MutantSiteSink() = default;
};

}  // namespace sc
