// counters.h — the SanitizerCoverage edge flags of the code this build
// instruments (the kernel core and the manager programs, host build, CMake
// option STABLECUT_COVERAGE; see docs/campaigns.md "Coverage").
//
// Interface: edge_count() is the number of instrumented edges (0 in a build
// without coverage, e.g. the fuzz preset, where libFuzzer owns the
// instrumentation); edge_pc(i) is edge i's address in this process;
// clear_flags() marks every edge not run; sample_into(bits) ORs "edge i ran
// since the flags were last cleared" into a bitmap of edge_count() bytes.
//
// Invariants: the flags are process-global and shared by every thread (clang
// inline-bool-flag: an edge stores true into its flag only while the flag is
// false, no call), so after its first run an edge costs one load and
// threads never contend for the flags' cache lines. Only clear_flags()
// writes them from here: one reader at a time (a campaign) may own them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sc::coverage {

size_t edge_count();
uintptr_t edge_pc(size_t edge);
bool is_function_entry(size_t edge);

void clear_flags();
// bits has edge_count() entries; sets bits[i] = 1 for every edge run since
// the flags were last cleared.
void sample_into(std::vector<uint8_t>& bits);

}  // namespace sc::coverage
