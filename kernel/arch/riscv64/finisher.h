// finisher.h — ending the run: the SiFive test finisher at 0x100000 makes
// QEMU exit. Interface: exit_pass() (QEMU exit status 0), exit_fail(code)
// (QEMU exit status code, 10..255), panic(code, fmt, ...) prints
// "PANIC: <reason>" on one line and fails with code; reset_machine() asks
// for a system reset instead (QEMU started without -no-reboot resets every
// device and reloads the kernel image and the workload blob, then jumps to
// _start: a reboot without a new QEMU process).
// Invariant: none of these return; code 0 is never used for a failure.
#pragma once
#include <stdint.h>

namespace rv {

// Failure codes the runner sees as the QEMU exit status. They start at 10
// so that they never collide with QEMU's own exit status 1 on its errors.
enum class FailCode : uint8_t {
  kernel_trap = 10,  // unexpected trap in M-mode
  no_memory = 11,    // physical page pool exhausted
  selftest = 12,     // a self-test check failed
  no_disk = 13,      // no usable virtio-blk device
  disk_io = 14,      // a disk request failed
  returned = 15,     // kmain returned (set by boot.S)
  bad_workload = 16, // the workload blob is malformed
};

[[noreturn]] void exit_pass();
[[noreturn]] void exit_fail(FailCode code);
[[noreturn]] void reset_machine();
[[noreturn]] void panic(FailCode code, const char* fmt, ...)
    __attribute__((format(printf, 2, 3)));

}  // namespace rv
