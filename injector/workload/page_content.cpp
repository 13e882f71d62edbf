// page_content.cpp — see page_content.h.
#include "injector/workload/page_content.h"

#include <array>

#include "kernel/core/checksum.h"
#include "kernel/core/limits.h"

namespace sc {

uint64_t page_hash(uint64_t value) {
  std::array<uint8_t, kPageSize> page;
  fill_page(value, page.data());
  return checksum64(page.data(), page.size());
}

uint64_t zero_page_hash() {
  static const uint64_t hash = [] {
    std::array<uint8_t, kPageSize> page{};
    return checksum64(page.data(), page.size());
  }();
  return hash;
}

}  // namespace sc
