// phase.cpp — phase names for traces, logs and statistics.
#include "phase.h"

#include "bytes.h"

namespace sc {

namespace {
const char* const kNames[kPhaseCount] = {"RUN",       "REQUEST", "FREEZE", "SNAPSHOT",
                                          "ROOT_COPY", "DISCARD", "RESUME", "RECOVERY"};
}

const char* phase_name(Phase p) {
  auto i = static_cast<unsigned>(p);
  return i < kPhaseCount ? kNames[i] : "UNKNOWN";
}

bool parse_phase(const char* name, Phase* out) {
  for (int i = 0; i < kPhaseCount; ++i) {
    if (static_cast<Phase>(i) != Phase::REQUEST && str_equal(name, kNames[i])) {
      *out = static_cast<Phase>(i);
      return true;
    }
  }
  return false;
}

}  // namespace sc
