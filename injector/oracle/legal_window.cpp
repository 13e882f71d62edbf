// legal_window.cpp — see legal_window.h.
#include "injector/oracle/legal_window.h"

#include <algorithm>

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

std::vector<uint64_t> window_changes(std::span<const StabilisationSpan> spans) {
  std::vector<uint64_t> cuts;
  for (const StabilisationSpan& s : spans) {
    cuts.push_back(s.begin + 1);
    cuts.push_back(s.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

}  // namespace sc
