// legal_window.cpp — see legal_window.h.
#include "injector/oracle/legal_window.h"

#include <algorithm>

namespace sc {

LegalWindow legal_window(std::span<const StabilisationSpan> spans, uint64_t cut) {
  LegalWindow window;
  for (size_t j = 0; j < spans.size(); ++j)
    if (!spans[j].failed && spans[j].end <= cut) window.previous = j + 1;
  window.current = window.previous;
  for (size_t j = window.previous; j < spans.size(); ++j) {
    const StabilisationSpan& s = spans[j];
    if (s.begin >= cut || (!s.failed && s.end <= cut)) continue;
    window.current = j + 1;
  }
  return window;
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
