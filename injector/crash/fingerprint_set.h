// fingerprint_set.h — the set of image fingerprints already yielded, for
// dedupe. Open addressing with linear probing over a power-of-two table, so an
// insert allocates only when the table doubles (no per-state heap churn).
// Interface: insert() returns true if the fingerprint was new; contains()
// asks without inserting.
// Invariant: load factor stays at or below 1/2; key 0 is kept out of the table
// (it marks empty slots) and tracked by a flag.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sc::crash {

class FingerprintSet {
 public:
  FingerprintSet() : slots_(1024, 0) {}
  bool insert(uint64_t fingerprint);
  bool contains(uint64_t fingerprint) const;
  size_t size() const { return size_; }

 private:
  bool insert_nonzero(uint64_t fingerprint);
  void grow();

  std::vector<uint64_t> slots_;
  size_t size_ = 0;
  bool has_zero_ = false;
};

}  // namespace sc::crash
