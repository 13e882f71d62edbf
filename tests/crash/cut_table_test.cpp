// cut_table_test.cpp — CutTable gives every crash state the fingerprint,
// the provenance of every in-flight sector (asked before and after the
// delta is built) and the delta that build_delta() gives it: random traces,
// every cut, random kept subsets with whole and torn masks. Over 24 sectors most writes
// overlap (the newest kept write must win a sector, a newer durable write
// hide an older in-flight one); over 4000 most do not (their sectors are
// copied write by write, in order of first sector).
#include "cut_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kernel/core/prng.h"
#include "test_traces.h"

namespace sc::crash {
namespace {

std::vector<KeptWrite> random_kept(std::span<const size_t> in_flight, const Trace& trace, Prng& prng) {
  std::vector<KeptWrite> kept;
  for (const size_t w : in_flight) {
    if (prng.next() % 2 == 0) continue;
    const uint32_t count = trace.requests()[w].count;
    const uint64_t torn = prng.next() & full_mask(count);
    kept.push_back({w, prng.next() % 3 == 0 && torn != 0 ? torn : kWholeWrite});
  }
  return kept;
}

bool same(std::span<const DeltaEntry> a, std::span<const DeltaEntry> b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].sector != b[i].sector || a[i].request != b[i].request || a[i].payload_sector != b[i].payload_sector ||
        a[i].contribution != b[i].contribution)
      return false;
  return true;
}

// Every sector an in-flight write covers, and the one past each, is named alike.
bool same_provenance(const CutTable& table, const ImageView& built, const DurableState& durable) {
  for (const size_t w : durable.in_flight()) {
    const Request& r = durable.trace().requests()[w];
    for (uint64_t s = r.sector; s <= r.sector + r.count && s < durable.trace().sector_count(); ++s)
      if (table.provenance(s) != built.provenance(s)) return false;
  }
  return true;
}

// Calls check(where, durable, table, prng) at every cut of 40 random traces,
// the table built for the cut; stops at the first fatal failure.
template <typename Check>
void at_every_cut(Check check) {
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    const Trace trace = test::random_trace(seed, seed % 2 ? 24 : 4000, 40, 6);
    const TraceHashes hashes(trace);
    DurableState durable(trace, hashes);
    CutTable table;
    Prng prng(seed);
    for (size_t cut = 0; cut < trace.cut_count(); ++cut) {
      durable.advance_to(cut);
      table.build(durable);
      check("seed " + std::to_string(seed) + " cut " + std::to_string(cut), durable, table, prng);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

TEST(CutTable, GivesEveryStateTheFingerprintProvenancesAndDeltaOfBuildDelta) {
  at_every_cut([](const std::string& cut, const DurableState& durable, CutTable& table, Prng& prng) {
    std::vector<DeltaEntry> expected;
    for (int i = 0; i < 30; ++i) {
      const std::string where = cut + " state " + std::to_string(i);
      const std::vector<KeptWrite> kept = random_kept(durable.in_flight(), durable.trace(), prng);
      const uint64_t want = build_delta(durable, kept, expected);
      ASSERT_EQ(table.select(kept), want) << where;
      const ImageView built(durable, expected, want);
      ASSERT_TRUE(same_provenance(table, built, durable)) << where;
      ASSERT_TRUE(same(table.delta(), expected)) << where;
      ASSERT_TRUE(same_provenance(table, built, durable)) << where;
    }
  });
}

// select_tear() gives a tear (alone or with every earlier write kept whole)
// what select() gives the same state as kept writes, and the states
// interleave: each selection forgets the last.
TEST(CutTable, GivesEveryTearWhatSelectGivesItsKeptWrites) {
  at_every_cut([](const std::string& cut, const DurableState& durable, CutTable& table, Prng& prng) {
    const auto in_flight = durable.in_flight();
    std::vector<DeltaEntry> expected;
    for (size_t p = 0; p < in_flight.size(); ++p) {
      const uint64_t mask = prng.next() & full_mask(durable.trace().requests()[in_flight[p]].count);
      for (const bool with_earlier : {false, true}) {
        const std::string where = cut + " position " + std::to_string(p) + (with_earlier ? " with earlier" : " alone");
        std::vector<KeptWrite> kept;
        for (size_t q = 0; with_earlier && q < p; ++q) kept.push_back({in_flight[q], kWholeWrite});
        kept.push_back({in_flight[p], mask == 0 ? kWholeWrite : mask});
        const uint64_t want = build_delta(durable, kept, expected);
        ASSERT_EQ(table.select_tear(p, kept.back().sector_mask, with_earlier), want) << where;
        const ImageView built(durable, expected, want);
        ASSERT_TRUE(same_provenance(table, built, durable)) << where;
        ASSERT_TRUE(same(table.delta(), expected)) << where;
        table.select(random_kept(in_flight, durable.trace(), prng));
      }
    }
  });
}

}  // namespace
}  // namespace sc::crash
