// digest.h — folds everything a harness observes into one 64-bit value, so
// two runs of the same input can be compared (harnesses.h).
#pragma once
#include <cstdint>
#include <string_view>

#include "kernel/core/checksum.h"

namespace sc::fuzz {

class Digest {
 public:
  void add(uint64_t v) { value_ = mix64(value_ ^ mix64(v + 0x9e3779b97f4a7c15ULL)); }
  void add(std::string_view s) { add(checksum64(s.data(), s.size(), s.size())); }
  uint64_t value() const { return value_; }

 private:
  uint64_t value_ = 0;
};

}  // namespace sc::fuzz
