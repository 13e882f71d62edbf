// kmain.cpp — the kernel's C++ entry, called by boot.S on hart 0.
// Interface: kmain(hartid, dtb) never returns; it initialises the console
// and traps, runs the global constructors, then runs workload mode if the
// runner loaded a workload blob (guest_workload.h), else the self-test mode,
// which exits through the finisher: "SELFTEST PASS" and exit status 0, or
// "SELFTEST FAIL: <reason>" and the failure code. The pass line also gives
// the guest time since reset, so boot cost inside the guest is visible.
// Invariant: .bss is zero and the boot stack is set when this runs.
#include <stdint.h>

#include "kernel/arch/riscv64/clock.h"
#include "kernel/arch/riscv64/console.h"
#include "kernel/arch/riscv64/finisher.h"
#include "kernel/arch/riscv64/guest_workload.h"
#include "kernel/arch/riscv64/selftest.h"
#include "kernel/arch/riscv64/trap.h"
#include "kernel/arch/riscv64/uart.h"

extern "C" void (*__init_array_start[])();
extern "C" void (*__init_array_end[])();

namespace {

void run_global_constructors() {
  for (void (**f)() = __init_array_start; f != __init_array_end; ++f) (*f)();
}

}  // namespace

extern "C" [[noreturn]] void kmain(uint64_t hartid, uint64_t dtb) {
  rv::uart_init();
  const bool workload = rv::blob_present();
  rv::kprintf("stablecut riscv64 kernel: hart %lu, dtb 0x%lx, M-mode, %s\n", hartid, dtb,
              workload ? "workload" : "self-test");
  rv::trap_init();
  run_global_constructors();
  if (workload) rv::run_workload();
  rv::FailCode code = rv::FailCode::selftest;
  if (const char* why = rv::run_selftest(&code)) {
    rv::kprintf("SELFTEST FAIL: %s\n", why);
    rv::exit_fail(code);
  }
  rv::kprintf("SELFTEST PASS (%lu us of guest time since reset)\n", rv::micros_since_reset());
  rv::exit_pass();
}
