// enumerator.h — CrashStateEnumerator: yields the crash states of a trace one
// at a time (DESIGN.md §4), each with its layered image.
// For every cut 0..requests.size(), in order, and within a cut in this order:
//   prefix  — the durable state alone, then (if anything is in flight) the
//             durable state with every in-flight write kept whole;
//   reorder — every subset of the in-flight writes of size 0..k (smallest
//             first, lexicographic), then, if more than k writes are in
//             flight, samples_per_cut random subsets (each write kept with
//             probability 1/2);
//   torn    — see torn_cursor.h;
//   image fault modes — fault_samples_per_cut states per mode, each with
//             Options::faults faults (see fault_cursor.h).
// A state whose image fingerprint equals that of a state already yielded at
// this or an earlier cut is skipped and counted as a duplicate — unless a cut
// in Options::recheck_from lies between them: there the legal window changes,
// so an image already judged may now be judged differently, and every image is
// yielded once more. A reorder subset, or a deterministic tear of an older
// write, known to repeat the image it left at the cut before is counted so
// without being built (subset_cursor.h, torn_cursor.h). A
// fault state is skipped only for an image already yielded (a fault never
// hides a power-cut state: fault states are judged under a wider window, so
// a power-cut state is never skipped for one).
// Interface: while (e.next()) { e.state(); e.image(); }. state() and image()
// are valid until the next call to next(). Every random choice comes from one
// Prng seeded with Options::seed, so a seed replays the same sequence.
// Invariants: the durable layer is built once, incrementally, and shared by
// every state; a state costs a sum over its kept writes (cut_table.h) plus a
// fingerprint lookup, and its delta is built only if image().delta() (or a
// read of an in-flight sector) asks for it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "crash_image.h"
#include "crash_model.h"
#include "cut_table.h"
#include "durable_state.h"
#include "fault_cursor.h"
#include "fault_image.h"
#include "fingerprint_set.h"
#include "kernel/core/prng.h"
#include "sector_hash.h"
#include "subset_cursor.h"
#include "torn_cursor.h"
#include "trace.h"

namespace sc::crash {

// The exhaustive mode's default budget (--runs-per-cut): the correct
// journal needs up to 256 recoveries at a few cuts of the shipped corpus.
inline constexpr uint64_t kDefaultRunsPerCut = 256;

struct EnumeratorOptions {
  ModeSet modes = power_cut_modes();
  size_t k = 2;
  uint32_t samples_per_cut = 8;
  uint32_t torn_samples_per_write = 16;
  uint32_t fault_samples_per_cut = 4;  // per image fault mode
  uint32_t faults = 1;                 // faults per fault state (1..kMaxFaults)
  uint64_t seed = 0;
  std::vector<uint64_t> recheck_from;  // sorted cuts where the legal window changes
  // Sorted; if not empty, only these cuts' states are enumerated (the others
  // are passed over, their window changes still honoured): the exhaustive
  // mode's bounded fallback for the cuts its search left incomplete.
  std::vector<uint64_t> only_cuts;
  // Not the enumerator's: the explorer covers prefix, reorder (and with torn,
  // torn) exhaustively instead (injector/inproc/exhaustive_explore.h).
  bool exhaustive = false;
  // The exhaustive mode's budget: recoveries per cut, after which the cut's
  // states are enumerated by the bounded modes as well.
  uint64_t runs_per_cut = kDefaultRunsPerCut;
};

// How --modes and stored campaign options name `exhaustive` among the modes.
inline constexpr const char* kExhaustiveModeName = "exhaustive";

struct EnumeratorCounters {
  uint64_t generated = 0;   // candidate states built
  uint64_t yielded = 0;     // states returned by next()
  uint64_t duplicates = 0;  // candidates skipped: image already yielded
};

class CrashStateEnumerator {
 public:
  using Options = EnumeratorOptions;

  // The trace must outlive the enumerator.
  CrashStateEnumerator(const Trace& trace, Options options);

  bool next();
  const CrashState& state() const { return state_; }
  ImageView image() const { return ImageView(durable_, table_, fingerprint_, faulted_); }
  const EnumeratorCounters& counters() const { return counters_; }

 private:
  enum class Stage { prefix_alone, prefix_all, reorder_exhaustive, reorder_sample, torn, faults, next_cut, done };

  bool next_candidate();
  bool step();
  bool enabled(Mode mode) const { return options_.modes.test(static_cast<size_t>(mode)); }
  void keep_in_flight_positions(std::span<const size_t> positions);
  void keep_random_subset();
  void begin_cut();
  bool forget_seen_if_window_changes();
  bool cut_selected() const;
  bool one_more_in_flight(bool seen_kept) const;
  void count_passed_over(uint64_t states);
  void count_left_out_subsets();
  bool first_sighting();

  const Trace* trace_;
  Options options_;
  TraceHashes hashes_;
  DurableState durable_;
  CutTable table_;  // durable_'s cut laid out; the current state selected in it
  Prng prng_;
  FingerprintSet seen_;
  FingerprintSet seen_faulted_;  // images only fault states produced
  SubsetCursor subsets_;
  TornCursor torn_;
  FaultCursor faults_;
  Stage stage_ = Stage::prefix_alone;
  uint32_t samples_left_ = 0;
  uint64_t left_out_counted_ = 0;  // of subsets_.left_out()
  CrashState state_;
  bool tearing_ = false;  // the candidate is torn_'s current tear
  bool previous_cut_enumerated_ = true;  // else its images are not in seen_ (only_cuts)
  std::vector<FaultSector> faulted_;
  uint64_t fingerprint_ = 0;
  EnumeratorCounters counters_;
};

}  // namespace sc::crash
