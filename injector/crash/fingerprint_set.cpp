// fingerprint_set.cpp — see fingerprint_set.h.
#include "fingerprint_set.h"

#include "kernel/core/checksum.h"

namespace sc::crash {

bool FingerprintSet::insert(uint64_t fingerprint) {
  if (fingerprint == 0) {
    if (has_zero_) return false;
    has_zero_ = true;
    ++size_;
    return true;
  }
  if (2 * (size_ + 1) > slots_.size()) grow();
  return insert_nonzero(fingerprint);
}

bool FingerprintSet::insert_nonzero(uint64_t fingerprint) {
  const size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(mix64(fingerprint)) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == fingerprint) return false;
    if (slots_[i] == 0) {
      slots_[i] = fingerprint;
      ++size_;
      return true;
    }
  }
}

bool FingerprintSet::contains(uint64_t fingerprint) const {
  if (fingerprint == 0) return has_zero_;
  const size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(mix64(fingerprint)) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == fingerprint) return true;
    if (slots_[i] == 0) return false;
  }
}

void FingerprintSet::grow() {
  std::vector<uint64_t> old(slots_.size() * 2, 0);
  old.swap(slots_);
  size_ = has_zero_ ? 1 : 0;
  for (const uint64_t f : old)
    if (f != 0) insert_nonzero(f);
}

}  // namespace sc::crash
