// enumerator_test.cpp — CrashStateEnumerator: exact state counts for small
// hand-made traces, dedupe, seeded determinism, and agreement of every
// yielded image with build_crash_image() and the reference oracle.
#include "enumerator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "crash_image.h"
#include "subset_cursor.h"
#include "torn_cursor.h"
#include "test_traces.h"

namespace sc::crash {
namespace {

using test::write_tagged;

// 0:W(s0) 1:W(s1) 2:W(s2) 3:FLUSH 4:W(s3) — in flight per cut 0..5:
// {}, {0}, {0,1}, {0,1,2}, {}, {4}.
Trace three_writes_flush_one_write() {
  Trace trace(8);
  write_tagged(trace, 0, 1, 1);
  write_tagged(trace, 1, 1, 2);
  write_tagged(trace, 2, 1, 3);
  trace.append_flush(Phase::SNAPSHOT);
  write_tagged(trace, 3, 1, 4);
  return trace;
}

EnumeratorCounters run(const Trace& trace, const EnumeratorOptions& options) {
  CrashStateEnumerator e(trace, options);
  while (e.next()) {
  }
  return e.counters();
}

struct Recorded {
  CrashState state;
  uint64_t fingerprint;
  bool operator==(const Recorded&) const = default;
};

std::vector<Recorded> record(const Trace& trace, const EnumeratorOptions& options) {
  std::vector<Recorded> out;
  CrashStateEnumerator e(trace, options);
  while (e.next()) out.push_back({e.state(), e.image().fingerprint()});
  return out;
}

TEST(SubsetCursor, WalksSubsetsBySizeThenLexicographically) {
  SubsetCursor cursor;
  cursor.reset(4, 2);
  std::vector<std::vector<size_t>> seen;
  while (cursor.next()) seen.emplace_back(cursor.current().begin(), cursor.current().end());
  const std::vector<std::vector<size_t>> expected = {
      {}, {0}, {1}, {2}, {3}, {0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
  EXPECT_EQ(seen, expected);
}

TEST(SubsetCursor, AWalkWithTheNewestLeavesOutTheSubsetsWithoutIt) {
  SubsetCursor cursor;
  cursor.reset(4, 2, true);
  std::vector<std::vector<size_t>> seen;
  std::vector<uint64_t> left_out_before;
  while (cursor.next()) {
    seen.emplace_back(cursor.current().begin(), cursor.current().end());
    left_out_before.push_back(cursor.left_out_before());
  }
  const std::vector<std::vector<size_t>> expected = {{3}, {0, 3}, {1, 3}, {2, 3}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(cursor.left_out(), 7u);  // {} {0} {1} {2} {0,1} {0,2} {1,2}
  EXPECT_EQ(left_out_before, (std::vector<uint64_t>{4, 6, 7, 7}));
  EXPECT_EQ(cursor.left_out_before(), 7u);
  cursor.reset(3, 0, true);
  EXPECT_FALSE(cursor.next());
  EXPECT_EQ(cursor.left_out(), 1u);
  cursor.reset(1, 3, true);
  ASSERT_TRUE(cursor.next());
  EXPECT_EQ(std::vector<size_t>(cursor.current().begin(), cursor.current().end()), std::vector<size_t>{0});
  EXPECT_FALSE(cursor.next());
  EXPECT_EQ(cursor.left_out(), 1u);
}

// A yielded state with the counters as they read when it was yielded.
struct Counted {
  Recorded state;
  uint64_t generated, duplicates;
  bool operator==(const Counted&) const = default;
};

using Walked = std::pair<std::vector<Counted>, EnumeratorCounters>;

// A walk of every cut in which `each(cut, durable, consider)` builds every
// candidate of its mode in full and hands it to consider(state): each
// image is looked up in a set cleared where the window changes. What the
// enumerator must yield and count, though it builds only what a cut adds.
template <typename EachCandidate>
Walked full_walk(const Trace& trace, const EnumeratorOptions& o, EachCandidate each) {
  Walked out;
  const TraceHashes hashes(trace);
  DurableState durable(trace, hashes);
  std::set<uint64_t> seen;
  std::vector<DeltaEntry> delta;
  const auto consider = [&](const CrashState& state) {
    const uint64_t fingerprint = build_delta(durable, state.kept, delta);
    ++out.second.generated;
    if (!seen.insert(fingerprint).second) {
      ++out.second.duplicates;
      return;
    }
    ++out.second.yielded;
    out.first.push_back({{state, fingerprint}, out.second.generated, out.second.duplicates});
  };
  for (size_t cut = 0; cut < trace.cut_count(); ++cut) {
    durable.advance_to(cut);
    if (std::binary_search(o.recheck_from.begin(), o.recheck_from.end(), cut)) seen.clear();
    if (o.only_cuts.empty() || std::binary_search(o.only_cuts.begin(), o.only_cuts.end(), cut))
      each(cut, durable, consider);
  }
  return out;
}

Walked every_subset(const Trace& trace, const EnumeratorOptions& o) {
  return full_walk(trace, o, [&](size_t cut, const DurableState& durable, const auto& consider) {
    SubsetCursor subsets;
    subsets.reset(durable.in_flight().size(), o.k);
    while (subsets.next()) {
      CrashState state{cut, Mode::reorder, {}, {}};
      for (const size_t p : subsets.current()) state.kept.push_back({durable.in_flight()[p], kWholeWrite});
      consider(state);
    }
  });
}

// The same Prng draws as the enumerator's.
Walked every_tear(const Trace& trace, const EnumeratorOptions& o) {
  Prng prng(o.seed);
  return full_walk(trace, o, [&](size_t cut, const DurableState& durable, const auto& consider) {
    TornCursor tears;
    tears.reset(durable.in_flight());
    CrashState state{cut, Mode::torn, {}, {}};
    while (tears.next(trace, prng, o.torn_samples_per_write)) {
      tears.fill(state.kept);
      consider(state);
    }
  });
}

// The enumerator's states with the counters as they read at each.
Walked enumerated(const Trace& trace, const EnumeratorOptions& options) {
  Walked out;
  CrashStateEnumerator e(trace, options);
  while (e.next())
    out.first.push_back({{e.state(), e.image().fingerprint()}, e.counters().generated, e.counters().duplicates});
  out.second = e.counters();
  return out;
}

TEST(Enumerator, BuildsOnlyTheSubsetsACutAddsAndYieldsAndCountsAsIfItBuiltThemAll) {
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    const Trace trace = test::random_trace(seed, seed % 2 ? 16 : 400, 30, 4);
    EnumeratorOptions options;
    options.modes = only(Mode::reorder);
    options.k = seed % 4;
    options.samples_per_cut = 0;
    if (seed % 3 == 0) options.recheck_from = {2, 5, 11, 12};
    const auto [expected, counters] = every_subset(trace, options);
    const auto [got, got_counters] = enumerated(trace, options);
    ASSERT_EQ(got, expected) << "seed " << seed;
    EXPECT_EQ(got_counters.generated, counters.generated) << "seed " << seed;
    EXPECT_EQ(got_counters.duplicates, counters.duplicates) << "seed " << seed;
  }
}

// Writes of up to 12 sectors: more than 4 chunks, so random masks are drawn
// between the deterministic tears the enumerator passes over.
TEST(Enumerator, BuildsOnlyTheTearsACutAddsAndYieldsAndCountsAsIfItBuiltThemAll) {
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    const Trace trace = test::random_trace(seed, seed % 2 ? 24 : 400, 30, seed % 4 ? 12 : 3);
    EnumeratorOptions options;
    options.modes = only(Mode::torn);
    options.seed = seed;
    options.torn_samples_per_write = static_cast<uint32_t>(seed % 3);
    if (seed % 3 == 0) options.recheck_from = {2, 5, 11, 12};
    const auto [expected, counters] = every_tear(trace, options);
    const auto [got, got_counters] = enumerated(trace, options);
    ASSERT_EQ(got, expected) << "seed " << seed;
    EXPECT_EQ(got_counters.generated, counters.generated) << "seed " << seed;
    EXPECT_EQ(got_counters.duplicates, counters.duplicates) << "seed " << seed;
  }
}

TEST(Enumerator, ReorderExhaustiveCountsAndDedupe) {
  EnumeratorOptions options;
  options.modes = only(Mode::reorder);
  options.k = 2;
  options.samples_per_cut = 0;
  const auto c = run(three_writes_flush_one_write(), options);
  // Subsets of size <= 2 per cut: 1 + 2 + 4 + 7 + 1 + 2.
  EXPECT_EQ(c.generated, 17u);
  // New images per cut: {} | {a} | {b},{ab} | {c},{ac},{bc} | {abc} | {abcd}.
  EXPECT_EQ(c.yielded, 9u);
  EXPECT_EQ(c.duplicates, 8u);
}

TEST(Enumerator, YieldsAnImageAgainWhereTheLegalWindowChanges) {
  EnumeratorOptions options;
  options.modes = only(Mode::prefix);
  const Trace trace = three_writes_flush_one_write();
  EXPECT_EQ(run(trace, options).yielded, 5u);
  options.recheck_from = {3};
  std::vector<Recorded> states = record(trace, options);
  // {} | {a} | {ab} | then from cut 3 the durable {} is new again, {abc} | {abcd}.
  ASSERT_EQ(states.size(), 6u);
  EXPECT_EQ(states[3].state.cut, 3u);
  EXPECT_EQ(states[3].fingerprint, states[0].fingerprint) << "the empty durable image, judged again at cut 3";
}

size_t states_at(const std::vector<Recorded>& states, size_t cut) {
  return static_cast<size_t>(
      std::count_if(states.begin(), states.end(), [cut](const Recorded& r) { return r.state.cut == cut; }));
}

// Only the cuts asked for: each yields its images as if no earlier cut had
// been enumerated (a subset or tear that repeats an image of a cut passed
// over is not skipped as a duplicate).
TEST(Enumerator, OnlyTheCutsAskedForAndEachWhole) {
  const Trace trace = three_writes_flush_one_write();
  EnumeratorOptions options;
  options.modes = only(Mode::reorder);
  options.k = 3;
  options.samples_per_cut = 0;
  const std::vector<Recorded> every_cut = record(trace, options);
  EXPECT_EQ(states_at(every_cut, 3), 4u) << "{c} {ac} {bc} {abc}: the subsets without c repeat cut 2's images";
  options.only_cuts = {3};
  const std::vector<Recorded> cut_three = record(trace, options);
  EXPECT_EQ(cut_three.size(), 8u) << "every subset of {a, b, c}";
  EXPECT_EQ(states_at(cut_three, 3), cut_three.size());
  options.only_cuts = {2, 3};
  const std::vector<Recorded> two_cuts = record(trace, options);
  EXPECT_EQ(states_at(two_cuts, 2), 4u);
  EXPECT_EQ(states_at(two_cuts, 3), 4u) << "cut 2 was enumerated: its images are duplicates at cut 3";
  EXPECT_EQ(two_cuts.size(), 8u);
}

// Random traces, cuts alone and in runs: the states and counts of a full
// walk of just those cuts, for subsets and for tears.
TEST(Enumerator, OnlyTheCutsAskedForAsAFullWalkOfThemWouldFindThem) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    const Trace trace = test::random_trace(seed, seed % 2 ? 24 : 400, 30, seed % 4 ? 12 : 3);
    EnumeratorOptions options;
    options.seed = seed;
    options.k = seed % 4;
    options.samples_per_cut = 0;
    options.torn_samples_per_write = static_cast<uint32_t>(seed % 3);
    if (seed % 3 == 0) options.recheck_from = {2, 5, 11, 12};
    for (size_t cut = 0; cut < trace.cut_count(); ++cut)
      if ((cut * 7 + seed) % (seed % 2 ? 3 : 5) != 0) options.only_cuts.push_back(cut);
    const auto expect_walk = [&](const Walked& got, const Walked& expected, const char* mode) {
      ASSERT_EQ(got.first, expected.first) << mode << ", seed " << seed;
      EXPECT_EQ(got.second.generated, expected.second.generated) << mode << ", seed " << seed;
      EXPECT_EQ(got.second.duplicates, expected.second.duplicates) << mode << ", seed " << seed;
    };
    options.modes = only(Mode::reorder);
    expect_walk(enumerated(trace, options), every_subset(trace, options), "reorder");
    options.modes = only(Mode::torn);
    expect_walk(enumerated(trace, options), every_tear(trace, options), "torn");
  }
}

TEST(Enumerator, ReorderSamplesOnlyWhenMoreThanKInFlight) {
  EnumeratorOptions options;
  options.modes = only(Mode::reorder);
  options.k = 1;
  options.samples_per_cut = 8;
  const auto c = run(three_writes_flush_one_write(), options);
  // Exhaustive: 1 + 2 + 3 + 4 + 1 + 2; samples at cuts 2 and 3 only.
  EXPECT_EQ(c.generated, 13u + 16u);
  EXPECT_EQ(c.yielded + c.duplicates, c.generated);
  EXPECT_GE(c.yielded, 6u) << "{}, {a}, {b}, {c}, {abc}, {abcd} without samples";
  EXPECT_LE(c.yielded, 9u) << "no more images exist than k=2 reaches";
}

TEST(Enumerator, PrefixModeYieldsDurableAndAllKept) {
  EnumeratorOptions options;
  options.modes = only(Mode::prefix);
  std::vector<std::vector<KeptWrite>> kept;
  const Trace trace = three_writes_flush_one_write();
  CrashStateEnumerator e2(trace, options);
  while (e2.next()) kept.push_back(e2.state().kept);
  EXPECT_EQ(e2.counters().generated, 10u);
  EXPECT_EQ(e2.counters().yielded, 5u);  // {}, {a}, {ab}, {abc}, {abcd}
  ASSERT_EQ(kept.size(), 5u);
  EXPECT_EQ(kept[2], (std::vector<KeptWrite>{{0, kWholeWrite}, {1, kWholeWrite}}));
}

TEST(Enumerator, TornCountsAndMasks) {
  Trace trace(32);
  write_tagged(trace, 0, 3, 1);
  write_tagged(trace, 8, 6, 2);
  EnumeratorOptions options;
  options.modes = only(Mode::torn);
  options.torn_samples_per_write = 2;
  CrashStateEnumerator e(trace, options);
  while (e.next()) {
    const KeptWrite& torn = e.state().kept.back();
    const uint32_t count = trace.requests()[torn.request].count;
    EXPECT_TRUE(valid_mask(torn.sector_mask, count));
    EXPECT_NE(torn.sector_mask, full_mask(count)) << "a torn write is never whole";
  }
  // Cut 1: 6 masks of the 3-sector write. Cut 2: the same 6 again (alone,
  // all duplicates) and 5 prefix + 2 random masks of the 6-sector write,
  // each alone and with the first write kept.
  EXPECT_EQ(e.counters().generated, 6u + 6u + 14u);
  EXPECT_GE(e.counters().duplicates, 6u);
  EXPECT_EQ(e.counters().yielded + e.counters().duplicates, e.counters().generated);
}

TEST(Enumerator, NoTwoYieldedStatesHaveTheSameImage) {
  const Trace trace = test::random_trace(11, 24, 30, 4);
  std::set<std::vector<uint8_t>> images;
  CrashStateEnumerator e(trace, EnumeratorOptions{});
  while (e.next()) EXPECT_TRUE(images.insert(e.image().bytes()).second) << "cut " << e.state().cut;
  EXPECT_EQ(images.size(), e.counters().yielded);
  EXPECT_GT(e.counters().duplicates, 0u);
}

TEST(Enumerator, EveryImageMatchesRebuildAndOracle) {
  const Trace trace = test::random_trace(5, 40, 36, 9);
  CrashStateEnumerator e(trace, EnumeratorOptions{.seed = 77});
  size_t checked = 0;
  while (e.next()) {
    const auto bytes = e.image().bytes();
    const CrashImage rebuilt = build_crash_image(trace, e.state());
    ASSERT_EQ(rebuilt.view().bytes(), bytes) << "cut " << e.state().cut;
    ASSERT_EQ(rebuilt.view().fingerprint(), e.image().fingerprint());
    ASSERT_EQ(test::reference_image(trace, e.state()), bytes) << "cut " << e.state().cut;
    ++checked;
  }
  EXPECT_EQ(checked, e.counters().yielded);
  EXPECT_GT(checked, 100u);
}

TEST(Enumerator, FingerprintIsTheSumOverChangedSectors) {
  const Trace trace = test::random_trace(8, 16, 20, 3);
  CrashStateEnumerator e(trace, EnumeratorOptions{});
  while (e.next()) {
    const auto bytes = e.image().bytes();
    uint64_t sum = 0;
    for (uint64_t s = 0; s < trace.sector_count(); ++s)
      sum += sector_contribution(trace, s, bytes.data() + s * kSectorSize);
    ASSERT_EQ(sum, e.image().fingerprint());
  }
}

TEST(Enumerator, SameSeedSameSequenceOtherSeedDiffers) {
  const Trace trace = test::random_trace(21, 64, 60, 8);
  const auto first = record(trace, EnumeratorOptions{.seed = 1});
  EXPECT_EQ(record(trace, EnumeratorOptions{.seed = 1}), first);
  EXPECT_NE(record(trace, EnumeratorOptions{.seed = 2}), first);
}

TEST(Enumerator, VisitsCutsInOrderAndEveryCutWithANewImage) {
  Trace trace(8);
  for (uint8_t i = 0; i < 5; ++i) write_tagged(trace, i, 1, static_cast<uint8_t>(i + 1), /*fua=*/true);
  std::vector<size_t> cuts;
  CrashStateEnumerator e(trace, EnumeratorOptions{});
  while (e.next()) cuts.push_back(e.state().cut);
  EXPECT_EQ(cuts, (std::vector<size_t>{0, 1, 2, 3, 4, 5}));

  const Trace mixed = test::random_trace(4, 16, 30, 4);
  CrashStateEnumerator m(mixed, EnumeratorOptions{});
  size_t previous = 0;
  while (m.next()) {
    EXPECT_GE(m.state().cut, previous);
    previous = m.state().cut;
  }
}

}  // namespace
}  // namespace sc::crash
