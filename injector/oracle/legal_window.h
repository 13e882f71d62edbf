// legal_window.h — which stable states recovery may legally produce after a
// power cut at request `cut` of a recorded trace (DESIGN.md §5).
//
// The oracle places each stabilisation j in the trace from the outside: the
// runner notes the disk's request count when the stabilise op started
// (begin) and returned (end). A cut at or after `end` finds j's commit
// durable; a cut strictly inside (begin, end) may find it either way; a cut
// at or before `begin` finds nothing of j. So with k stabilisations ended by
// the cut, the legal states are S_k, plus S_{k+1} when the cut falls inside
// stabilisation k+1. This trusts nothing the system under test says about
// its own phases.
//
// Under io-error (crash_model.h) a stabilisation may RETURN AN ERROR: its
// span is marked failed and its would-be state S_F has an index in the
// history like any other. It is never required (a failed attempt is not
// stable), but its data may have reached the media, so from its begin until
// the next counted stabilisation ends, S_F is legal too. With the newest
// counted stabilisation ended by the cut at index p, the legal states are
// then every S index in [p, current]: p, each failed attempt after it that
// began before the cut, and the counted one the cut falls inside, if any.
// A stabilisation that returned success is counted
// like any other, so it must survive every later cut.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace sc {

struct StabilisationSpan {
  uint64_t begin = 0;
  uint64_t end = 0;
  bool failed = false;  // the stabilisation returned an error (io-error): not counted
};

struct LegalWindow {
  size_t previous = 0;  // S index of the oldest legal state (every S_j up to current is legal)
  size_t current = 0;   // S index of the newest legal state (== previous when only one)
  bool may_refuse = false;  // a clean refusal is legal too (a fault destroyed durable data)

  friend bool operator==(const LegalWindow&, const LegalWindow&) = default;
};

LegalWindow legal_window(std::span<const StabilisationSpan> spans, uint64_t cut);

// The cuts c at which legal_window(spans, c) may differ from the window at
// c - 1 (begin + 1 and end of every span), sorted and without repeats. The
// crash-state enumerator judges an image again from each of them.
std::vector<uint64_t> window_changes(std::span<const StabilisationSpan> spans);

}  // namespace sc
