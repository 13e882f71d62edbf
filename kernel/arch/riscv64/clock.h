// clock.h — guest time from the CLINT's mtime counter (QEMU virt: 10 MHz,
// counting since machine reset). Interface: micros_since_reset().
// Invariant: read-only; the kernel programs no timer.
#pragma once
#include <stdint.h>

namespace rv {

inline uint64_t micros_since_reset() {
  constexpr uintptr_t kMtime = 0x0200bff8;
  constexpr uint64_t kTicksPerMicro = 10;
  return *reinterpret_cast<volatile uint64_t*>(kMtime) / kTicksPerMicro;
}

}  // namespace rv
