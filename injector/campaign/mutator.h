// mutator.h — seeded mutation of workloads for campaigns.
//
// Interface: mutate(parent, seed) returns a child workload made by 1..4
// random edits of the parent: change a written value or page, add a write,
// add a read, remove a write/read/stabilise op, insert a stabilise op, insert
// a crash step, or change the scheduling seed. Pages chosen are mostly
// below 16, 1 in 8 among the 16 highest page numbers. validated(w) round-trips a workload
// through the workload file format (throws InputError if it is not valid).
//
// Invariants: every choice comes from one sc::Prng seeded with `seed`, so
// (parent, seed) always gives the same child; the child always passes
// parse_workload (an edit that would break it is dropped); added writes go
// only to containers created in an earlier step or earlier in the same
// locus, so the child never uses a container before it exists (reads too;
// an inserted crash may still make one vanish: the read gives not_found).
#pragma once
#include <cstdint>

#include "injector/workload/workload.h"

namespace sc::campaign {

Workload mutate(const Workload& parent, uint64_t seed);

// The workload as parse_workload(workload_to_json(w)) sees it.
Workload validated(const Workload& w);

}  // namespace sc::campaign
