// phase.h — the protocol phases every disk request is tagged with.
// The stabilisation protocol runs REQUEST → FREEZE → SNAPSHOT → ROOT_COPY →
// DISCARD → RESUME; RECOVERY is boot after a power cut; RUN is ordinary work.
// REQUEST is a state of the protocol but never a tag: the kernel issues no
// disk request between a manager's snapshot_request and the freeze (what the
// manager wrote before asking is RUN), so no request, crash state or
// statistic can fall in it. Its number stays reserved, so the numbers of
// the other phases (in traces and databases) never change; a trace file
// that tags a request with it is refused (injector/common/phase_tag.h).
#pragma once
#include <stdint.h>

namespace sc {

enum class Phase : uint8_t {
  RUN = 0,
  REQUEST = 1,
  FREEZE = 2,
  SNAPSHOT = 3,
  ROOT_COPY = 4,
  DISCARD = 5,
  RESUME = 6,
  RECOVERY = 7,
};

constexpr int kPhaseCount = 8;

const char* phase_name(Phase p);

}  // namespace sc
