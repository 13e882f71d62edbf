// sv39.h — one U-mode address space as an Sv39 three-level page table.
// Interface: AddressSpace::create(); map(va, pa, perms) installs one 4 KiB
// leaf; share(from, va) links the level-0 table that `from` uses for the
// 2 MiB region of va into this space (so a mapping common to every space is
// built once); translate(va, need) returns the physical address of a user
// byte if its page is mapped with the U bit and every permission in `need`,
// else 0; range(va, len, need) does the same for a whole byte range and
// also requires it to be physically contiguous, returning the kernel's
// pointer to it or nullptr; is_mapped(va) says whether va's page has a
// leaf at all (whatever its permissions); activate() loads this space into
// satp (flushing the TLB) unless it is already there.
// Invariants: only user pages are mapped (the kernel runs untranslated in
// M-mode and never appears in these tables except through share()); leaves
// are created with A and D already set, so hardware never needs to update
// them; a page is mapped at most once (map() refuses a va that is already
// mapped, and a va inside a shared region).
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
  AddressSpace() = default;
  static AddressSpace create();
  bool valid() const { return root_ != nullptr; }

  // perms: a combination of kPteRead/kPteWrite/kPteExec; kPteUser is added.
  // Returns false if va is not page-aligned, out of range or already mapped.
  bool map(uint64_t va, uint64_t pa, uint64_t perms);
  // False if `from` has no table for va's region or this space already
  // maps something there.
  bool share(const AddressSpace& from, uint64_t va);
  uint64_t translate(uint64_t va, uint64_t need) const;
  uint8_t* range(uint64_t va, uint64_t len, uint64_t need) const;
  bool is_mapped(uint64_t va) const;
  uint64_t satp() const;
  void activate() const;

 private:
  explicit AddressSpace(uint64_t* root) : root_(root) {}
  uint64_t* slot(uint64_t va, int level, bool create) const;

  uint64_t* root_ = nullptr;
};

}  // namespace rv
