// page_fill.cpp — see page_fill.h.
#include "kernel/harness/page_fill.h"

#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "kernel/core/limits.h"

namespace sc {

void fill_page(uint64_t value, uint8_t* page) {
  const uint64_t base = mix64(value ^ 0x5041474543544e54ULL);
  for (uint32_t i = 0; i < kPageSize / 8; ++i) store_u64(page + 8 * i, mix64(base + i));
}

}  // namespace sc
