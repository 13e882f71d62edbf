// kernel_storage.cpp — see kernel_storage.h.
#include "kernel/hosted/kernel_storage.h"

#include <new>
#include <utility>

#include <sanitizer/asan_interface.h>

namespace sc {

namespace {

constexpr std::align_val_t kAlign{alignof(Kernel)};

// The storage a thread parked, freed when the thread ends.
struct ParkedStorage {
  void* block = nullptr;
  ParkedStorage() = default;
  ParkedStorage(const ParkedStorage&) = delete;
  ParkedStorage& operator=(const ParkedStorage&) = delete;
  ~ParkedStorage() {
    if (block == nullptr) return;
    ASAN_UNPOISON_MEMORY_REGION(block, sizeof(Kernel));
    ::operator delete(block, kAlign);
  }
};

thread_local ParkedStorage parked;

}  // namespace

KernelPtr make_kernel(Platform& platform) {
  void* block = std::exchange(parked.block, nullptr);
  if (block == nullptr) block = ::operator new(sizeof(Kernel), kAlign);
  ASAN_UNPOISON_MEMORY_REGION(block, sizeof(Kernel));
  return KernelPtr(new (block) Kernel(platform));
}

void ParkKernelStorage::operator()(Kernel* kernel) const noexcept {
  kernel->~Kernel();
  if (parked.block != nullptr) {
    ::operator delete(static_cast<void*>(kernel), kAlign);
    return;
  }
  ASAN_POISON_MEMORY_REGION(kernel, sizeof(Kernel));
  parked.block = kernel;
}

}  // namespace sc
