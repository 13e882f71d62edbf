// beyond_memory.cpp — see beyond_memory.h.
#include "injector/check/beyond_memory.h"

#include <fmt/format.h>

#include "kernel/core/limits.h"

namespace sc {

void require_within_memory(const Workload& w, const Recording& rec) {
  if (rec.beyond_memory.empty() || !rec.findings.empty()) return;
  throw BeyondMemory(fmt::format(
      "workload {}: needs more than the kernel's {} page frames ({} returned no_memory); write fewer pages or "
      "use a shallower manager hierarchy",
      w.name, kMaxFrames, rec.beyond_memory));
}

}  // namespace sc
