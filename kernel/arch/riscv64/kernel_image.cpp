// kernel_image.cpp — see kernel_image.h.
#include "kernel/arch/riscv64/kernel_image.h"

#include "kernel/arch/riscv64/finisher.h"
#include "kernel/arch/riscv64/memory_layout.h"

extern "C" char __text_start[], __text_end[], __rodata_start[], __rodata_end[];  // kernel.ld

namespace rv {

namespace {

constexpr uint64_t kRegionSize = 2ULL << 20;  // what one level-0 table covers

AddressSpace image;  // holds the shared tables; never activated

uint64_t address(const char* symbol) { return reinterpret_cast<uint64_t>(symbol); }

void map_identity(const char* begin, const char* end, uint64_t perms) {
  for (uint64_t pa = address(begin); pa < address(end); pa += kPageSize)
    if (!image.map(pa, pa, perms)) panic(FailCode::kernel_trap, "cannot map the kernel image at 0x%lx", pa);
}

const AddressSpace& built_image() {
  if (!image.valid()) {
    image = AddressSpace::create();
    map_identity(__text_start, __text_end, kPteRead | kPteExec);
    map_identity(__rodata_start, __rodata_end, kPteRead);
  }
  return image;
}

}  // namespace

bool share_kernel_image(AddressSpace& space) {
  const AddressSpace& from = built_image();
  for (uint64_t va = address(__text_start) & ~(kRegionSize - 1); va < address(__rodata_end); va += kRegionSize)
    if (!space.share(from, va)) return false;
  return true;
}

}  // namespace rv
