// cpu_lease.h — the host CPU a QEMU and its disk server share.
// A recovery boot is a chain of hand-offs between QEMU's CPU thread, QEMU's
// I/O thread and nbdkit, one per disk request; on different cores each
// hand-off is a cross-core wake-up, which on a virtual machine costs more
// than the work itself. Kept on one core, a QEMU session with many disk
// requests ran 1.5-2 times faster (README, "How fast"). As AFL++ binds each
// fuzzer to a free core, each QemuRunner takes the allowed CPU with the
// fewest runners on it and spawns QEMU and nbdkit bound to it.
// Interface: CpuLease::acquire() → a lease whose cpu() is that CPU, or -1
// (no binding) when STABLECUT_NO_AFFINITY is set in the environment or the
// allowed CPUs cannot be read; the lease returns its CPU when destroyed.
// Invariant: leases are balanced over the CPUs this process may run on
// (sched_getaffinity at first use): no CPU holds two more leases than
// another. Thread-safe.
#pragma once

namespace sc::qemu {

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
