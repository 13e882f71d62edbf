// exit_codes.h — guest↔host contract: the QEMU exit status of a failed
// guest run (the SiFive test finisher's code, kernel/arch/riscv64/finisher.h),
// read by the host's runner and boot health checks (injector/qemu).
// Version rule: a code's meaning never changes and a code is never reused;
// a new failure gets a new code. Codes start at 10 so that they never
// collide with QEMU's own exit status 1 on its errors. stdint only.
#pragma once
#include <stdint.h>

namespace rv {

enum class FailCode : uint8_t {
  kernel_trap = 10,  // unexpected trap in M-mode
  no_memory = 11,    // physical page pool exhausted
  selftest = 12,     // a self-test check failed
  no_disk = 13,      // no usable virtio-blk device
  disk_io = 14,      // a disk request failed
  returned = 15,     // kmain returned (set by boot.S)
  bad_workload = 16, // the workload blob is malformed
};

}  // namespace rv
