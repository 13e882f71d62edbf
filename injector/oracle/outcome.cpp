// outcome.cpp — see outcome.h.
#include "injector/oracle/outcome.h"

namespace sc {

namespace {
const char* const kNames[kOutcomeCount] = {"ok_current", "ok_previous", "lost", "corrupt",
                                           "recovery_failed", "recovery_crash", "hang"};
}

const char* outcome_name(Outcome o) {
  const auto i = static_cast<unsigned>(o);
  return i < kOutcomeCount ? kNames[i] : "unknown";
}

bool parse_outcome(const std::string& name, Outcome* out) {
  for (int i = 0; i < kOutcomeCount; ++i) {
    if (name == kNames[i]) {
      *out = static_cast<Outcome>(i);
      return true;
    }
  }
  return false;
}

}  // namespace sc
