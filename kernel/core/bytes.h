// bytes.h — byte helpers for the freestanding kernel core.
// The core cannot include libc headers (it is also built with clang
// --target=riscv64 -ffreestanding), so these stand in for
// memmove/memset/memcmp/strcmp. The first three are compiler builtins: on
// the host they become libc's vectorised routines (ASan checks their
// ranges), in the freestanding image calls to kernel/arch's own; hand loops
// here ran byte by byte in unoptimised builds (a fifth of a fuzz input's
// time under ASan). Little-endian load/store helpers define every on-disk
// integer encoding.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace sc {

// The regions may overlap. n == 0 never reaches the builtins, whose
// pointers must not be null even then.
inline void copy_bytes(void* dst, const void* src, size_t n) {
  if (n > 0) __builtin_memmove(dst, src, n);
}

inline void fill_bytes(void* dst, uint8_t value, size_t n) {
  if (n > 0) __builtin_memset(dst, value, n);
}

inline bool bytes_equal(const void* a, const void* b, size_t n) { return n == 0 || __builtin_memcmp(a, b, n) == 0; }

inline bool str_equal(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}

inline void store_u32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
inline void store_u64(uint8_t* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
inline uint32_t load_u32(const uint8_t* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(p[i]) << (8 * i);
  return v;
}
// Both tiers (x86_64 hosts, riscv64) are little-endian, so a word load is
// the encoding; __builtin_memcpy of a constant size compiles to one load
// even in the freestanding build.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "on-disk encoding assumes little-endian");
inline uint64_t load_u64(const uint8_t* p) {
  uint64_t v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace sc
