// counters.h — the SanitizerCoverage edge counters of the code this build
// instruments (the kernel core and the manager programs, host build, CMake
// option STABLECUT_COVERAGE; see docs/campaigns.md "Coverage").
//
// Interface: edge_count() is the number of instrumented edges (0 in a build
// without coverage, e.g. the fuzz preset, where libFuzzer owns the
// counters); edge_pc(i) is edge i's address in this process;
// counter_values() copies the counters; sample_into(bits, since) ORs "edge
// i ran since the values `since` were copied" into a bitmap of edge_count()
// bytes.
//
// Invariants: counters are process-global and shared by every thread (clang
// inline-8bit-counters: one relaxed increment per edge, no call); they are
// only ever read here, never reset: an edge ran since a copy when its
// counter differs from the copy (so a second campaign in one process counts
// only what it ran). An 8-bit counter wraps: an edge run exactly a multiple
// of 256 times since the copy, and never seen changed by an earlier sample,
// reads as not run, so callers sample after every workload.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sc::coverage {

size_t edge_count();
uintptr_t edge_pc(size_t edge);
bool is_function_entry(size_t edge);

std::vector<uint8_t> counter_values();
// bits and since have edge_count() entries; sets bits[i] = 1 for every edge
// whose counter is not since[i].
void sample_into(std::vector<uint8_t>& bits, const std::vector<uint8_t>& since);

}  // namespace sc::coverage
