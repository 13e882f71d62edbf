// sv39.cpp — Sv39 page-table walk and mapping; see sv39.h.
#include "kernel/arch/riscv64/sv39.h"

#include "kernel/arch/riscv64/memory_layout.h"
#include "kernel/arch/riscv64/page_alloc.h"

namespace rv {

namespace {

constexpr uint64_t kPteValid = 1 << 0;
constexpr uint64_t kPteAccessed = 1 << 6;
constexpr uint64_t kPteDirty = 1 << 7;
constexpr uint64_t kLeafBits = kPteRead | kPteWrite | kPteExec;
constexpr uint64_t kVaLimit = 1ULL << 38;  // lower half of the Sv39 space
constexpr uint64_t kSatpModeSv39 = 8ULL << 60;

uint64_t vpn(uint64_t va, int level) { return (va >> (12 + 9 * level)) & 0x1ff; }
uint64_t pte_to_pa(uint64_t pte) { return (pte >> 10) << 12; }
uint64_t pa_to_pte(uint64_t pa) { return (pa >> 12) << 10; }

}  // namespace

AddressSpace AddressSpace::create() { return AddressSpace(static_cast<uint64_t*>(alloc_page())); }

// Walks levels 2 and 1 to the level-0 slot of va, creating the
// intermediate tables if `create`; returns nullptr if one is missing.
uint64_t* AddressSpace::leaf_slot(uint64_t va, bool create) const {
  uint64_t* table = root_;
  for (int level = 2; level > 0; --level) {
    uint64_t& pte = table[vpn(va, level)];
    if ((pte & kPteValid) == 0) {
      if (!create) return nullptr;
      pte = pa_to_pte(reinterpret_cast<uint64_t>(alloc_page())) | kPteValid;
    }
    table = reinterpret_cast<uint64_t*>(pte_to_pa(pte));
  }
  return &table[vpn(va, 0)];
}

bool AddressSpace::map(uint64_t va, uint64_t pa, uint64_t perms) {
  if (va % kPageSize != 0 || pa % kPageSize != 0 || va >= kVaLimit) return false;
  if ((perms & kLeafBits) == 0) return false;
  uint64_t* slot = leaf_slot(va, true);
  if (*slot & kPteValid) return false;
  *slot = pa_to_pte(pa) | (perms & kLeafBits) | kPteUser | kPteAccessed | kPteDirty | kPteValid;
  return true;
}

uint64_t AddressSpace::translate(uint64_t va, uint64_t need) const {
  if (va >= kVaLimit) return 0;
  const uint64_t* slot = leaf_slot(va, false);
  if (slot == nullptr) return 0;
  const uint64_t required = kPteValid | kPteUser | need;
  if ((*slot & required) != required) return 0;
  return pte_to_pa(*slot) + va % kPageSize;
}

bool AddressSpace::is_mapped(uint64_t va) const {
  const uint64_t* slot = leaf_slot(va, false);
  return slot != nullptr && (*slot & kPteValid) != 0;
}

uint64_t AddressSpace::satp() const {
  return kSatpModeSv39 | (reinterpret_cast<uint64_t>(root_) >> 12);
}

}  // namespace rv
