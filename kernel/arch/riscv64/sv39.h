// sv39.h — one U-mode address space as an Sv39 three-level page table.
// Interface: AddressSpace::create(); map(va, pa, perms) installs one 4 KiB
// leaf; translate(va, need) returns the physical address of a user byte if
// its page is mapped with the U bit and every permission in `need`, else 0;
// satp() is the value to load before entering U-mode.
// Invariants: only user pages are mapped (the kernel runs untranslated in
// M-mode and never appears in these tables); leaves are created with A and
// D already set, so hardware never needs to update them; a page is mapped
// at most once (map() refuses a va that is already mapped).
#pragma once
#include <stdint.h>

namespace rv {

// Leaf permission bits (Sv39 PTE bit positions).
enum PtePerm : uint64_t {
  kPteRead = 1 << 1,
  kPteWrite = 1 << 2,
  kPteExec = 1 << 3,
  kPteUser = 1 << 4,
};

class AddressSpace {
 public:
  static AddressSpace create();

  // perms: a combination of kPteRead/kPteWrite/kPteExec; kPteUser is added.
  // Returns false if va is not page-aligned, out of range or already mapped.
  bool map(uint64_t va, uint64_t pa, uint64_t perms);
  uint64_t translate(uint64_t va, uint64_t need) const;
  bool is_mapped(uint64_t va) const;
  uint64_t satp() const;

 private:
  explicit AddressSpace(uint64_t* root) : root_(root) {}
  uint64_t* leaf_slot(uint64_t va, bool create) const;

  uint64_t* root_;
};

}  // namespace rv
