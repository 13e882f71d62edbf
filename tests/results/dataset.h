// dataset.h — a small hand-made results dataset with known statistics (and
// the shared TempDir in scope). Three campaigns (two shards of "nightly" and
// one "qemu-check"), three workloads, 53 checked crash states:
//
//   workload (campaign, day)       phase/kind/outcome: states
//   w1 (nightly 0/2, 2026-01-01)   RUN/prefix/ok_current 10, SNAPSHOT/prefix/ok_previous 4,
//                                  ROOT_COPY/torn/corrupt 2 (kMix), ROOT_COPY/reorder/ok_current 5
//   w2 (nightly 1/2, 2026-01-02)   RUN/prefix/ok_current 7, ROOT_COPY/torn/corrupt 1 (kMix),
//                                  RECOVERY/prefix/lost 3 (kMissing)
//   w3 (qemu-check, 2026-01-02)    RUN/prefix/ok_current 20, DISCARD/reorder/hang 1 (kHang)
//
// nightly is inproc/manager label "smm" with stored options kNightlyOptions;
// qemu-check is qemu/manager label "pager" without stored options. The
// workloads' managers (kinds) are w1: shadow; w2: journal, shadow, shadow;
// w3: shadow, ordinary. Every illegal
// state is kept as a crash_state row (image fingerprint 0xf00d0000 + cut),
// plus one sampled legal state in w1.
#pragma once
#include <string>

#include "injector/results/results_db.h"
#include "tests/support/temp_dir.h"

namespace sc::results::testing {

inline constexpr const char* kMix = "ROOT_COPY/corrupt/smm/mixed-generations";
inline constexpr const char* kMissing = "RECOVERY/lost/smm/missing-pages";
inline constexpr const char* kHang = "DISCARD/hang/pager/no-progress";
inline constexpr std::int64_t kDay1 = 1767225600 + 43200;  // 2026-01-01 12:00 UTC
inline constexpr std::int64_t kDay2 = kDay1 + 86400;
inline constexpr const char* kNightlyOptions = R"({"tier":"inproc","modes":["prefix"],"bug":[]})";

CampaignSpec nightly_spec(std::uint32_t shard);
CampaignSpec qemu_spec();
WorkloadRecord w1();
WorkloadRecord w2();
WorkloadRecord w3();
FuzzFinding finding(std::optional<std::int64_t> campaign_id);

// Records the whole dataset into one database.
void record_all(ResultsDb& db);
// Records shard "a" (nightly 0/2: w1) or "b" (nightly 1/2: w2; qemu-check: w3 + finding).
void record_shard_a(ResultsDb& db);
void record_shard_b(ResultsDb& db);

using sc::test::TempDir;  // tests/support/temp_dir.h

}  // namespace sc::results::testing
