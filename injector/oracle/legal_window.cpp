// legal_window.cpp — see legal_window.h.
#include "injector/oracle/legal_window.h"

namespace sc {

LegalWindow legal_window(std::span<const StabilisationSpan> spans, uint64_t cut) {
  size_t ended = 0;
  bool inside = false;
  for (const StabilisationSpan& s : spans) {
    if (s.end <= cut) ++ended;
    else if (s.begin < cut) inside = true;
  }
  return LegalWindow{ended, inside ? ended + 1 : ended};
}

}  // namespace sc
