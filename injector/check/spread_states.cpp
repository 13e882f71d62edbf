// spread_states.cpp — see spread_states.h.
#include "injector/check/spread_states.h"

#include <algorithm>

namespace sc {

std::vector<crash::CrashState> spread_states(const crash::Trace& trace, const crash::EnumeratorOptions& options,
                                             uint64_t limit) {
  uint64_t count = 0;
  for (crash::CrashStateEnumerator e(trace, options); e.next();) ++count;
  const uint64_t n = std::min(count, limit);
  std::vector<crash::CrashState> picked;
  picked.reserve(n);
  crash::CrashStateEnumerator e(trace, options);  // seeded: the same states as the counting pass
  for (uint64_t index = 0; picked.size() < n && e.next(); ++index)
    if (index == picked.size() * count / n) picked.push_back(e.state());
  return picked;
}

}  // namespace sc
