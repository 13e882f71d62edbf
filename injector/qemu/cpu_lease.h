// cpu_lease.h — the host CPU a QEMU and its disk server share.
// A recovery boot is a chain of hand-offs between QEMU's CPU thread, QEMU's
// I/O thread and nbdkit, one per disk request; on different cores each
// hand-off is a cross-core wake-up, which on a virtual machine costs more
// than the work itself. Kept on one core, a QEMU session with many disk
// requests ran 1.5-2.7 times faster (README, "How fast"). As AFL++ binds
// each fuzzer to a free core, each QemuRunner takes the allowed CPU with the
// fewest QEMUs on it and spawns QEMU and nbdkit bound to it.
// Interface: CpuLease::acquire() → a lease whose cpu() is that CPU, or -1
// (no binding) when STABLECUT_NO_AFFINITY is set in the environment or the
// allowed CPUs cannot be read; the lease returns its CPU when destroyed.
// A CPU's load is this process's leases on it plus the QEMUs of other
// processes bound to it alone (read from /proc at each acquire, so two
// stablecut runs on one machine, or two test programs, take different
// cores); ties go to the lowest CPU.
// Invariant: within this process, with no other bound QEMU, no allowed CPU
// (sched_getaffinity at first use) holds two more leases than another.
// Thread-safe.
#pragma once
#include <map>

namespace sc::qemu {

// The CPU acquire() takes: of the allowed CPUs (the keys of `leases`, this
// process's leases on each), the one with the fewest leases plus QEMUs bound
// to it `elsewhere`; the lowest on a tie. -1 if none is allowed.
int least_loaded_cpu(const std::map<int, int>& leases, const std::map<int, int>& elsewhere);

class CpuLease {
 public:
  static CpuLease acquire();

  CpuLease() = default;
  CpuLease(CpuLease&& other) noexcept;
  CpuLease& operator=(CpuLease&& other) noexcept;
  CpuLease(const CpuLease&) = delete;
  CpuLease& operator=(const CpuLease&) = delete;
  ~CpuLease();

  int cpu() const { return cpu_; }

 private:
  explicit CpuLease(int cpu) : cpu_(cpu) {}
  void release();

  int cpu_ = -1;
};

}  // namespace sc::qemu
