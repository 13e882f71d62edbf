// finisher.cpp — see finisher.h.
#include "kernel/arch/riscv64/finisher.h"

#include <stdarg.h>

#include "kernel/arch/riscv64/console.h"

namespace rv {

namespace {

constexpr uintptr_t kFinisherBase = 0x100000;
constexpr uint32_t kFinisherPass = 0x5555;
constexpr uint32_t kFinisherFail = 0x3333;
constexpr uint32_t kFinisherReset = 0x7777;

[[noreturn]] void finish(uint32_t value) {
  *reinterpret_cast<volatile uint32_t*>(kFinisherBase) = value;
  for (;;) asm volatile("wfi");
}

}  // namespace

void exit_pass() { finish(kFinisherPass); }

void reset_machine() { finish(kFinisherReset); }

void exit_fail(FailCode code) {
  finish(kFinisherFail | (static_cast<uint32_t>(code) << 16));
}

void panic(FailCode code, const char* fmt, ...) {
  kputs("PANIC: ", 7);
  va_list args;
  va_start(args, fmt);
  kvprintf(fmt, args);
  va_end(args);
  kputs("\n", 1);
  exit_fail(code);
}

}  // namespace rv
