// page_content.h — the hashes the oracle expects of workload pages: a page
// is derived from a 64-bit value by fill_page() (kernel/harness/page_fill.h,
// the one copy both tiers use), so the oracle needs no stored pages.
#pragma once
#include <cstdint>

#include "kernel/harness/page_fill.h"

namespace sc {

// checksum64 of the page fill_page(value) produces.
uint64_t page_hash(uint64_t value);
// checksum64 of a page of zeros (a page never written).
uint64_t zero_page_hash();

}  // namespace sc
