// read_error_explore.h — the read-error fault class (crash_model.h, FAULT
// CLASSES), in either tier: a sector recovery reads fails with an I/O error.
//
// explore_read_errors(): for each prefix state of the recording (the durable
// state of each cut, and with every in-flight write kept: prefix_states.h;
// spread over the budget when tools.spread), asks tools.sectors_read which
// sectors its recovery reads, draws up to kReadErrorsPerState of them
// (distinct) with a Prng seeded with options.enumerate.seed, and recovers the
// state again through tools.make_checker's Checker with every read of that
// sector failing. Each such recovery is judged against the state's legal
// window, widened to a clean refusal (read-error destroys durable data:
// state_window.h), and tallied under kind read-error with
// Fault{read_error, request 0, sector s, detail 0} in CrashState::faults.
// Stops like explore() (fault_tally.h).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "injector/check/explore.h"
#include "injector/check/fault_tools.h"
#include "kernel/core/prng.h"

namespace sc {

constexpr size_t kReadErrorsPerState = 2;

// Up to kReadErrorsPerState distinct sectors of `sectors`, drawn with `prng`
// (the draw every read-error explorer makes, SQLite's too).
std::vector<uint64_t> draw_read_error_sectors(std::vector<uint64_t> sectors, Prng* prng);

void explore_read_errors(const Workload& w, const Recording& rec, const ExploreOptions& options,
                         const FaultTools& tools, ExploreResult* result);

}  // namespace sc
