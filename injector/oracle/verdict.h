// verdict.h — classify() turns what a recovery produced into an Outcome by
// comparing it with the stable states S_0..S_k of the reference model and the
// legal window of the cut. Shared by both tiers: the in-process checker and
// the QEMU tier only differ in how they obtain a Recovered.
// Under a window that may refuse (a fault destroyed durable data): a boot
// that failed reporting corruption or an I/O error, or a recovered state that
// is a legal one with some pages unreadable (refused by their manager), is
// detected; fsck findings are the fault's and not reported.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "injector/oracle/legal_window.h"
#include "injector/vocab/outcome.h"
#include "injector/oracle/system_state.h"

namespace sc {

struct Recovered {
  Outcome failure = Outcome::recovery_failed;  // used when !booted: recovery_failed, recovery_crash or hang
  bool booted = false;
  std::string reason;  // why it did not boot
  bool clean_refusal = false;  // !booted, and the system reported the corruption or I/O error it found
  SystemState state;
  std::vector<std::string> fsck;  // violations of the manager's on-disk invariants
};

struct Verdict {
  Outcome outcome = Outcome::corrupt;
  size_t matched = SIZE_MAX;       // S index the recovered state equals, if any
  std::string reason;              // one line
  std::vector<StateDifference> differences;  // recovered against the newest legal state (illegal only)
  std::vector<std::string> diff;              // the first kShownDifferences of them, as text
  std::vector<std::string> fsck;

  bool legal() const { return is_legal(outcome) && fsck.empty(); }
};

Verdict classify(const Workload& w, std::span<const SystemState> history, LegalWindow window, const Recovered& r);

}  // namespace sc
