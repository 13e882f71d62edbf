// counters.h — the SanitizerCoverage edge counters of the code this build
// instruments (the kernel core and the manager programs, host build, CMake
// option STABLECUT_COVERAGE; see docs/campaigns.md "Coverage").
//
// Interface: edge_count() is the number of instrumented edges (0 in a build
// without coverage, e.g. the fuzz preset, where libFuzzer owns the
// counters); edge_pc(i) is edge i's address in this process; sample_into
// ORs "edge i ran since the process started" into a bitmap of edge_count()
// bytes.
//
// Invariants: counters are process-global and shared by every thread (clang
// inline-8bit-counters: one relaxed increment per edge, no call); they are
// only ever read here, never reset, so a sample is the union of everything
// any thread ran. An 8-bit counter wraps: an edge run exactly a multiple of
// 256 times between two samples of a process that never sampled it non-zero
// reads as not run, so callers sample after every workload.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sc::coverage {

size_t edge_count();
uintptr_t edge_pc(size_t edge);
bool is_function_entry(size_t edge);

// bits.size() must be edge_count(); sets bits[i] = 1 for every edge run.
void sample_into(std::vector<uint8_t>& bits);

}  // namespace sc::coverage
