// phase.h — the protocol phases every disk request is tagged with.
// The stabilisation protocol runs REQUEST → FREEZE → SNAPSHOT → ROOT_COPY →
// DISCARD → RESUME; RECOVERY is boot after a power cut; RUN is ordinary work.
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

// Parses a phase name as printed by phase_name(); returns false if unknown.
bool parse_phase(const char* name, Phase* out);

}  // namespace sc
