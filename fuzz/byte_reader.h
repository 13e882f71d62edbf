// byte_reader.h — reads a fuzz input as a stream of small integers.
// Interface: u8/u16/u32/u64 take little-endian bytes from the front; below(n)
// maps the next byte(s) into 0..n-1. Invariant: reading past the end yields
// zeros and never fails, so every input decodes to something.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>

namespace sc::fuzz {

class ByteReader {
 public:
  explicit ByteReader(std::span<const uint8_t> bytes) : bytes_(bytes) {}

  bool empty() const { return pos_ >= bytes_.size(); }
  size_t remaining() const { return empty() ? 0 : bytes_.size() - pos_; }
  uint8_t u8() { return empty() ? 0 : bytes_[pos_++]; }
  // Each takes its low part first (statements, not operands, fix the order).
  uint16_t u16() {
    const uint8_t low = u8();
    return static_cast<uint16_t>(low | (u8() << 8));
  }
  uint32_t u32() {
    const uint16_t low = u16();
    return low | (uint32_t{u16()} << 16);
  }
  uint64_t u64() {
    const uint32_t low = u32();
    return low | (uint64_t{u32()} << 32);
  }
  // 0..n-1 (n >= 1), from one byte when n <= 256, else from two or four.
  uint32_t below(uint32_t n) {
    if (n <= 256) return u8() % n;
    if (n <= 65536) return u16() % n;
    return u32() % n;
  }
  bool flag() { return (u8() & 1) != 0; }

 private:
  std::span<const uint8_t> bytes_;
  size_t pos_ = 0;
};

}  // namespace sc::fuzz
