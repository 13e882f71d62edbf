// minimize.h — shrinks a failing workload while the same failure signature
// holds (delta debugging over steps, loci and ops).
//
// Interface: minimize(w, signature, options) records and explores smaller
// and smaller candidates: each pass tries dropping a whole step, a whole
// locus, then runs of ops (halves, quarters, ... single ops); a candidate is
// kept when it is a valid workload and its exploration still yields a state
// with `signature`. The failing state kept is the first one the enumerator
// yields with that signature, i.e. the earliest cut — that shrinks the cut.
//
// Invariants: the result always reproduces the signature (if the original
// does not, nullopt); it is never larger than the input; every exploration
// uses the same enumeration options and seed; `should_stop` is polled between
// candidates and inside explorations (then Stopped is thrown).
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "injector/crash/enumerator.h"
#include "injector/inproc/explore.h"

namespace sc::campaign {

struct Stopped {};  // thrown when should_stop() turned true mid-way

struct MinimizeOptions {
  SeededBugs bugs;
  crash::EnumeratorOptions enumerate;
  size_t max_attempts = 150;
  std::function<bool()> should_stop = [] { return false; };
};

struct Minimized {
  Workload workload;
  Recording recording;
  StateFailure failure;
  size_t attempts = 0;
  size_t accepted = 0;
};

// Records and explores `w`; the first state with `signature`, if any.
std::optional<std::pair<Recording, StateFailure>> reproduce(const Workload& w, const std::string& signature,
                                                            const MinimizeOptions& options);

std::optional<Minimized> minimize(const Workload& w, const std::string& signature, const MinimizeOptions& options);

// Number of ops of every locus of every step (the size minimize reduces).
size_t op_count(const Workload& w);

}  // namespace sc::campaign
