// finisher.h — ending the run: the SiFive test finisher at 0x100000 makes
// QEMU exit. Interface: exit_pass() (QEMU exit status 0), exit_fail(code)
// (QEMU exit status code, 1..255), panic(code, fmt, ...) prints
// "PANIC: <reason>" on one line and fails with code.
// Invariant: none of these return; code 0 is never used for a failure.
#pragma once
#include <stdint.h>

namespace rv {

// Failure codes the runner sees as the QEMU exit status.
enum class FailCode : uint8_t {
  kernel_trap = 1,   // unexpected trap in M-mode
  no_memory = 2,     // physical page pool exhausted
  selftest = 3,      // a self-test check failed
  no_disk = 4,       // no usable virtio-blk device
  disk_io = 5,       // a disk request failed
  user_killed = 6,   // a U-mode program was killed by the kernel
  returned = 7,      // kmain returned
};

[[noreturn]] void exit_pass();
[[noreturn]] void exit_fail(FailCode code);
[[noreturn]] void panic(FailCode code, const char* fmt, ...)
    __attribute__((format(printf, 2, 3)));

}  // namespace rv
