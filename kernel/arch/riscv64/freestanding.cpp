// freestanding.cpp — the few C and C++ runtime symbols a freestanding
// clang build still references: memcpy/memset/memmove/memcmp (emitted for
// struct copies and zero-initialisation), __cxa_pure_virtual, and the
// global-destructor registration hooks. Interface: the standard signatures.
// Invariant: compiled with -fno-builtin, so these loops never turn back
// into calls to themselves.
#include <stddef.h>
#include <stdint.h>

#include "kernel/arch/riscv64/finisher.h"

extern "C" {

void* memcpy(void* dst, const void* src, size_t n) {
  auto* d = static_cast<uint8_t*>(dst);
  const auto* s = static_cast<const uint8_t*>(src);
  for (size_t i = 0; i < n; ++i) d[i] = s[i];
  return dst;
}

void* memmove(void* dst, const void* src, size_t n) {
  auto* d = static_cast<uint8_t*>(dst);
  const auto* s = static_cast<const uint8_t*>(src);
  if (d < s) {
    for (size_t i = 0; i < n; ++i) d[i] = s[i];
  } else {
    for (size_t i = n; i > 0; --i) d[i - 1] = s[i - 1];
  }
  return dst;
}

void* memset(void* dst, int value, size_t n) {
  auto* d = static_cast<uint8_t*>(dst);
  for (size_t i = 0; i < n; ++i) d[i] = static_cast<uint8_t>(value);
  return dst;
}

int memcmp(const void* a, const void* b, size_t n) {
  const auto* x = static_cast<const uint8_t*>(a);
  const auto* y = static_cast<const uint8_t*>(b);
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

void __cxa_pure_virtual() { rv::panic(rv::FailCode::kernel_trap, "pure virtual call"); }

// Kernel globals are never destroyed: the machine stops instead.
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }
void* __dso_handle = nullptr;

}  // extern "C"

// The kernel has no heap; a delete reached at run time is a kernel bug.
void operator delete(void*) noexcept { rv::panic(rv::FailCode::kernel_trap, "operator delete"); }
void operator delete(void*, size_t) noexcept {
  rv::panic(rv::FailCode::kernel_trap, "operator delete");
}
