// sv39.cpp — Sv39 page-table walk and mapping; see sv39.h.
#include "kernel/arch/riscv64/sv39.h"

#include "kernel/arch/riscv64/csr.h"
#include "kernel/arch/riscv64/memory_layout.h"
#include "kernel/arch/riscv64/page_alloc.h"

namespace rv {

namespace {

constexpr uint64_t kPteValid = 1 << 0;
constexpr uint64_t kPteAccessed = 1 << 6;
constexpr uint64_t kPteDirty = 1 << 7;
constexpr uint64_t kPteShared = 1 << 8;  // software bit: a level-0 table linked by share()
constexpr uint64_t kLeafBits = kPteRead | kPteWrite | kPteExec;
constexpr uint64_t kVaLimit = 1ULL << 38;  // lower half of the Sv39 space
constexpr uint64_t kSatpModeSv39 = 8ULL << 60;

uint64_t vpn(uint64_t va, int level) { return (va >> (12 + 9 * level)) & 0x1ff; }
uint64_t pte_to_pa(uint64_t pte) { return (pte >> 10) << 12; }
uint64_t pa_to_pte(uint64_t pa) { return (pa >> 12) << 10; }

}  // namespace

AddressSpace AddressSpace::create() { return AddressSpace(static_cast<uint64_t*>(alloc_page())); }

// Walks from the root down to the slot of va in the table of `level`
// (0: the leaf), creating missing tables if `create`; returns nullptr if va
// is beyond the user half, a table is missing, or `create` and the walk
// enters a shared table.
uint64_t* AddressSpace::slot(uint64_t va, int level, bool create) const {
  if (va >= kVaLimit) return nullptr;
  uint64_t* table = root_;
  for (int l = 2; l > level; --l) {
    uint64_t& pte = table[vpn(va, l)];
    if ((pte & kPteValid) == 0) {
      if (!create) return nullptr;
      pte = pa_to_pte(reinterpret_cast<uint64_t>(alloc_page())) | kPteValid;
    } else if (create && (pte & kPteShared) != 0) {
      return nullptr;
    }
    table = reinterpret_cast<uint64_t*>(pte_to_pa(pte));
  }
  return &table[vpn(va, level)];
}

bool AddressSpace::map(uint64_t va, uint64_t pa, uint64_t perms) {
  if (va % kPageSize != 0 || pa % kPageSize != 0) return false;
  if ((perms & kLeafBits) == 0) return false;
  uint64_t* leaf = slot(va, 0, true);
  if (leaf == nullptr || (*leaf & kPteValid)) return false;
  *leaf = pa_to_pte(pa) | (perms & kLeafBits) | kPteUser | kPteAccessed | kPteDirty | kPteValid;
  return true;
}

bool AddressSpace::share(const AddressSpace& from, uint64_t va) {
  const uint64_t* source = from.slot(va, 1, false);
  if (source == nullptr || (*source & kPteValid) == 0) return false;
  uint64_t* target = slot(va, 1, true);
  if (target == nullptr || (*target & kPteValid)) return false;
  *target = *source | kPteShared;
  return true;
}

uint64_t AddressSpace::translate(uint64_t va, uint64_t need) const {
  const uint64_t* leaf = slot(va, 0, false);
  if (leaf == nullptr) return 0;
  const uint64_t required = kPteValid | kPteUser | need;
  if ((*leaf & required) != required) return 0;
  return pte_to_pa(*leaf) + va % kPageSize;
}

uint8_t* AddressSpace::range(uint64_t va, uint64_t len, uint64_t need) const {
  if (len == 0 || va + len < va) return nullptr;
  const uint64_t first = translate(va, need);
  if (first == 0) return nullptr;
  for (uint64_t page = va - va % kPageSize + kPageSize; page < va + len; page += kPageSize)
    if (translate(page, need) != first + (page - va)) return nullptr;
  return reinterpret_cast<uint8_t*>(first);
}

bool AddressSpace::is_mapped(uint64_t va) const {
  const uint64_t* leaf = slot(va, 0, false);
  return leaf != nullptr && (*leaf & kPteValid) != 0;
}

uint64_t AddressSpace::satp() const {
  return kSatpModeSv39 | (reinterpret_cast<uint64_t>(root_) >> 12);
}

void AddressSpace::activate() const {
  if (csr_read(satp) == satp()) return;
  csr_write(satp, satp());
  flush_tlb();
}

}  // namespace rv
