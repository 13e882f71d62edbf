// checksum.h — the 64-bit checksum and content hash used on disk and by the
// oracle. Written here rather than taken from a library because the kernel
// core is freestanding (no libc, riscv64 bare metal) and must produce the
// same bytes on both tiers. Word-at-a-time multiply/xor-shift mixing; not
// cryptographic, only a corruption and identity check.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace sc {

uint64_t checksum64(const void* data, size_t n, uint64_t seed = 0);

// 64-bit mix of one value (a splitmix64 finaliser); used to derive page
// contents from seeds and to combine hashes.
uint64_t mix64(uint64_t x);

}  // namespace sc
