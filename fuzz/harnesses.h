// harnesses.h — the fuzz harnesses of stablecut, one run function each.
//
// Interface: run_<name>(bytes) executes one input from a clean state and
// returns a digest of everything it observed (statuses, read-back hashes,
// error messages). LLVMFuzzerTestOneInput (entry.cpp) calls exactly one of
// them; tests/fuzz checks that running an input twice in one process gives
// the same digest (no state leaks between iterations).
//
// Invariants: a run function never keeps state from one call to the next
// (static data is built once and is immutable afterwards); anything that is
// a bug in the system under test aborts (sanitizer report, uncaught
// exception, or an explicit abort with a one-line reason).
#pragma once
#include <cstdint>
#include <span>

namespace sc::fuzz {

using Bytes = std::span<const uint8_t>;

uint64_t run_workload_file(Bytes input);
uint64_t run_trace_file(Bytes input);
uint64_t run_recovery_image(Bytes input);
uint64_t run_syscalls(Bytes input);
uint64_t run_protocol(Bytes input);

}  // namespace sc::fuzz
