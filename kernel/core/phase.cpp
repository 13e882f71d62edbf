// phase.cpp — phase names for traces, logs and statistics.
#include "phase.h"

namespace sc {

namespace {
const char* const kNames[kPhaseCount] = {"RUN",       "REQUEST", "FREEZE", "SNAPSHOT",
                                          "ROOT_COPY", "DISCARD", "RESUME", "RECOVERY"};
}

const char* phase_name(Phase p) {
  auto i = static_cast<unsigned>(p);
  return i < kPhaseCount ? kNames[i] : "UNKNOWN";
}

}  // namespace sc
