// spread_states_test.cpp — the crash states a workload checks under QEMU
// (spread_states, injector/check; no QEMU runs here): of the
// N states the enumeration yields, all of them when N <= limit, else exactly
// those at indices i * N / limit for i < limit, in enumeration order — the
// same states as picking from the whole enumeration held in memory.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "injector/check/spread_states.h"
#include "injector/crash/enumerator.h"
#include "injector/inproc/recording.h"
#include "injector/workload/workload_file.h"

namespace sc::campaign::testing {

namespace {

std::vector<crash::CrashState> every_state(const crash::Trace& trace, const crash::EnumeratorOptions& options) {
  std::vector<crash::CrashState> all;
  for (crash::CrashStateEnumerator e(trace, options); e.next();) all.push_back(e.state());
  return all;
}

TEST(CampaignSpreadStates, PicksIndicesSpreadEvenlyOverTheEnumeration) {
  const Recording rec = record_inproc(load_workload_file(STABLECUT_CORPUS "/basic.json"), SeededBugs{});
  crash::EnumeratorOptions options;
  options.seed = 3;
  const std::vector<crash::CrashState> all = every_state(rec.trace, options);
  const uint64_t n = all.size();
  ASSERT_GT(n, 20u);
  for (const uint64_t limit : {uint64_t{0}, uint64_t{1}, uint64_t{7}, n / 2, n - 1, n, n + 5, UINT64_MAX}) {
    SCOPED_TRACE("limit " + std::to_string(limit));
    std::vector<crash::CrashState> expected = all;
    if (n > limit) {
      expected.clear();
      for (uint64_t i = 0; i < limit; ++i) expected.push_back(all[i * n / limit]);
    }
    EXPECT_EQ(spread_states(rec.trace, options, limit), expected);
  }
}

}  // namespace

}  // namespace sc::campaign::testing
