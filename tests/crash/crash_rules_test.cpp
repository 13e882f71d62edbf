// crash_rules_test.cpp — the durability rules of crash_model.h, checked on
// hand-made traces through build_crash_image(): FLUSH and FUA durability,
// in-flight ordering, torn masks, chunked masks and rejected states.
#include <gtest/gtest.h>

#include <stdexcept>

#include "crash_image.h"
#include "test_traces.h"

namespace sc::crash {
namespace {

using test::tag_at;
using test::write_tagged;

std::vector<uint8_t> image(const Trace& trace, size_t cut, std::vector<KeptWrite> kept = {}) {
  return build_crash_image(trace, CrashState{cut, Mode::reorder, std::move(kept), {}}).view().bytes();
}

TEST(CrashRules, UnflushedWriteIsNotDurable) {
  Trace trace(8);
  write_tagged(trace, 0, 1, 7);
  EXPECT_EQ(tag_at(image(trace, 1), 0), 0);
  EXPECT_EQ(tag_at(image(trace, 1, {{0, kWholeWrite}}), 0), 7);
}

TEST(CrashRules, FlushMakesEarlierWritesDurable) {
  Trace trace(8);
  write_tagged(trace, 0, 1, 7);
  write_tagged(trace, 1, 1, 8);
  trace.append_flush(Phase::SNAPSHOT);
  EXPECT_EQ(tag_at(image(trace, 2), 0), 0) << "a cut just before the flush loses both writes";
  const auto after = image(trace, 3);
  EXPECT_EQ(tag_at(after, 0), 7);
  EXPECT_EQ(tag_at(after, 1), 8);
}

TEST(CrashRules, FuaWriteIsDurableButFlushesNothingElse) {
  Trace trace(8);
  write_tagged(trace, 1, 1, 5);
  write_tagged(trace, 2, 1, 6, /*fua=*/true);
  const auto state = image(trace, 2);
  EXPECT_EQ(tag_at(state, 1), 0);
  EXPECT_EQ(tag_at(state, 2), 6);
  EXPECT_EQ(tag_at(image(trace, 1), 2), 0) << "not durable before it executes";
}

TEST(CrashRules, LaterInFlightWriteWinsOnlyIfKept) {
  Trace trace(4);
  write_tagged(trace, 0, 1, 1);
  write_tagged(trace, 0, 1, 2);
  EXPECT_EQ(tag_at(image(trace, 2), 0), 0);
  EXPECT_EQ(tag_at(image(trace, 2, {{0, kWholeWrite}}), 0), 1);
  EXPECT_EQ(tag_at(image(trace, 2, {{1, kWholeWrite}}), 0), 2);
  EXPECT_EQ(tag_at(image(trace, 2, {{0, kWholeWrite}, {1, kWholeWrite}}), 0), 2);
}

TEST(CrashRules, KeptOlderWriteNeverUndoesNewerDurableWrite) {
  Trace trace(4);
  write_tagged(trace, 0, 1, 1);
  write_tagged(trace, 0, 1, 2, /*fua=*/true);
  EXPECT_EQ(tag_at(image(trace, 2, {{0, kWholeWrite}}), 0), 2);
}

TEST(CrashRules, InFlightWriteOverDurableWrite) {
  Trace trace(4);
  write_tagged(trace, 0, 1, 1, /*fua=*/true);
  write_tagged(trace, 0, 1, 2);
  EXPECT_EQ(tag_at(image(trace, 2), 0), 1);
  EXPECT_EQ(tag_at(image(trace, 2, {{1, kWholeWrite}}), 0), 2);
}

TEST(CrashRules, FlushAfterNewerFuaKeepsTheNewest) {
  Trace trace(4);
  write_tagged(trace, 0, 1, 1);
  write_tagged(trace, 0, 1, 2, /*fua=*/true);
  trace.append_flush(Phase::RUN);
  EXPECT_EQ(tag_at(image(trace, 3), 0), 2);
}

TEST(CrashRules, TornWriteKeepsExactlyTheMaskedSectors) {
  Trace trace(8);
  write_tagged(trace, 2, 4, 9);
  const auto state = image(trace, 1, {{0, 0b0101}});
  EXPECT_EQ(tag_at(state, 2), 9);
  EXPECT_EQ(tag_at(state, 3), 0);
  EXPECT_EQ(tag_at(state, 4), 9);
  EXPECT_EQ(tag_at(state, 5), 0);
  EXPECT_EQ(state[4 * kSectorSize + 1], 2) << "sector 2 of the write landed on disk sector 4";
}

TEST(CrashRules, MasksOfLongWritesCoverChunks) {
  EXPECT_EQ(chunk_count(1), 1u);
  EXPECT_EQ(chunk_count(64), 64u);
  EXPECT_EQ(sectors_per_chunk(65), 2u);
  EXPECT_EQ(chunk_count(65), 33u);
  EXPECT_EQ(chunk_count(130), 44u);
  EXPECT_TRUE(sector_kept(0b10, 130, 3));
  EXPECT_FALSE(sector_kept(0b10, 130, 6));
  EXPECT_TRUE(valid_mask(kWholeWrite, 3));
  EXPECT_TRUE(valid_mask(0b111, 3));
  EXPECT_FALSE(valid_mask(0b1000, 3));
  EXPECT_FALSE(valid_mask(0, 3));
}

TEST(CrashRules, TornLongWriteKeepsWholeChunks) {
  Trace trace(200);
  write_tagged(trace, 0, 130, 4);
  const auto state = image(trace, 1, {{0, 0b10}});
  for (uint64_t s = 0; s < 130; ++s) EXPECT_EQ(tag_at(state, s), s >= 3 && s < 6 ? 4 : 0) << s;
}

TEST(CrashRules, RejectsStatesThatAreNotCrashStatesOfTheTrace) {
  Trace trace(8);
  write_tagged(trace, 0, 2, 1, /*fua=*/true);
  write_tagged(trace, 2, 2, 2);
  trace.append_flush(Phase::RUN);
  write_tagged(trace, 4, 2, 3);
  write_tagged(trace, 6, 1, 4);
  EXPECT_THROW(image(trace, 6), std::invalid_argument) << "cut beyond the trace";
  EXPECT_THROW(image(trace, 2, {{0, kWholeWrite}}), std::invalid_argument) << "durable, not in flight";
  EXPECT_THROW(image(trace, 4, {{1, kWholeWrite}}), std::invalid_argument) << "flushed";
  EXPECT_THROW(image(trace, 4, {{2, kWholeWrite}}), std::invalid_argument) << "a flush";
  EXPECT_THROW(image(trace, 3, {{3, kWholeWrite}}), std::invalid_argument) << "not yet issued";
  EXPECT_THROW(image(trace, 5, {{4, kWholeWrite}, {3, kWholeWrite}}), std::invalid_argument);
  EXPECT_THROW(image(trace, 5, {{3, 0b100}}), std::invalid_argument) << "mask beyond the write";
  EXPECT_NO_THROW(image(trace, 5, {{3, 0b10}, {4, kWholeWrite}}));
}

TEST(CrashRules, ImageMatchesTheReferenceOracle) {
  const Trace trace = test::random_trace(3, 32, 40, 6);
  for (size_t cut = 0; cut < trace.cut_count(); ++cut) {
    const CrashState durable_only{cut, Mode::prefix, {}, {}};
    EXPECT_EQ(build_crash_image(trace, durable_only).view().bytes(),
              test::reference_image(trace, durable_only))
        << "cut " << cut;
  }
}

}  // namespace
}  // namespace sc::crash
