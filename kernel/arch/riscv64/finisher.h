// finisher.h — ending the run: the SiFive test finisher at 0x100000 makes
// QEMU exit. Interface: exit_pass() (QEMU exit status 0), exit_fail(code)
// (QEMU exit status code, 10..255), panic(code, fmt, ...) prints
// "PANIC: <reason>" on one line and fails with code; reset_machine() asks
// for a system reset instead (QEMU started without -no-reboot resets every
// device and reloads the kernel image and the workload blob, then jumps to
// _start: a reboot without a new QEMU process).
// Invariant: none of these return; code 0 is never used for a failure.
// The failure codes (the QEMU exit status the host sees) are a guest↔host
// contract: kernel/abi/exit_codes.h.
#pragma once
#include <stdint.h>

#include "kernel/abi/exit_codes.h"

namespace rv {

[[noreturn]] void exit_pass();
[[noreturn]] void exit_fail(FailCode code);
[[noreturn]] void reset_machine();
[[noreturn]] void panic(FailCode code, const char* fmt, ...)
    __attribute__((format(printf, 2, 3)));

}  // namespace rv
