// phase_tag.h — reading a request's phase tag back from a trace file (host
// only; the kernel only prints phase names).
//
// Interface: parse_tag_phase(name, &phase) takes a name as phase_name()
// prints it and returns false if it is unknown or REQUEST, which is never a
// tag (kernel/core/phase.h).
#pragma once
#include <string_view>

#include "kernel/core/phase.h"

namespace sc {

inline bool parse_tag_phase(std::string_view name, Phase* out) {
  for (int i = 0; i < kPhaseCount; ++i) {
    const auto p = static_cast<Phase>(i);
    if (p != Phase::REQUEST && name == phase_name(p)) {
      *out = p;
      return true;
    }
  }
  return false;
}

}  // namespace sc
