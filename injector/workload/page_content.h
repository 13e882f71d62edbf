// page_content.h — the content a workload writes: a page is derived from a
// 64-bit value, so workloads stay small and the oracle can compute the
// expected content hash without storing pages.
#pragma once
#include <cstdint>

namespace sc {

void fill_page(uint64_t value, uint8_t* page);
// checksum64 of the page fill_page(value) produces.
uint64_t page_hash(uint64_t value);
// checksum64 of a page of zeros (a page never written).
uint64_t zero_page_hash();

}  // namespace sc
