// fault_image_test.cpp — the image faults (crash_model.h FAULT CLASSES):
// the exact effect of each class on a hand-made trace, the refusal of fault
// lists that do not fit the trace, and, over random traces, the agreement of
// the enumerator's fault images with build_crash_image() and the forward
// oracle of test_traces.h, seeded determinism, and that fault states never
// hide a power-cut state.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crash_image.h"
#include "enumerator.h"
#include "fault_image.h"
#include "sector_hash.h"
#include "test_traces.h"

namespace sc::crash {
namespace {

using test::tag_at;
using test::write_tagged;

// 0:W(s0,t1) 1:W(s1,t2) 2:FLUSH 3:W(s0,t3) 4:W(s2,t4,FUA) 5:FLUSH 6:W(s3,t5)
// At cut 7: durable 0, 1, 3, 4; in flight 6.
Trace hand_made() {
  Trace trace(8);
  write_tagged(trace, 0, 1, 1);
  write_tagged(trace, 1, 1, 2);
  trace.append_flush(Phase::SNAPSHOT);
  write_tagged(trace, 0, 1, 3);
  write_tagged(trace, 2, 1, 4, /*fua=*/true);
  trace.append_flush(Phase::SNAPSHOT);
  write_tagged(trace, 3, 1, 5);
  return trace;
}

CrashState faulted(Mode kind, Fault f, std::vector<KeptWrite> kept = {}) {
  f.kind = kind;
  return CrashState{7, kind, std::move(kept), {f}};
}

std::vector<uint8_t> image_of(const Trace& trace, const CrashState& state) {
  return build_crash_image(trace, state).view().bytes();
}

TEST(FaultImage, LostWriteFallsBackToTheWriteBelow) {
  const Trace trace = hand_made();
  const auto image = image_of(trace, faulted(Mode::lost_write, {.request = 3}));
  EXPECT_EQ(tag_at(image, 0), 1);
  EXPECT_EQ(tag_at(image, 1), 2);
  EXPECT_EQ(tag_at(image_of(trace, faulted(Mode::lost_write, {.request = 1})), 1), 0);
}

TEST(FaultImage, LyingFlushLeavesItsWritesInFlightAndDropped) {
  const Trace trace = hand_made();
  const auto image = image_of(trace, faulted(Mode::lying_flush, {.request = 5}));
  EXPECT_EQ(tag_at(image, 0), 1);  // write 3 lost with the lie
  EXPECT_EQ(tag_at(image, 2), 4);  // write 4 had its own FUA
  const auto fua_lie = image_of(trace, faulted(Mode::lying_flush, {.request = 4}));
  EXPECT_EQ(fua_lie, image_of(trace, CrashState{7, Mode::prefix, {}, {}}));  // the FLUSH at 5 covers it
}

TEST(FaultImage, MisdirectedWriteLandsElsewhere) {
  const Trace trace = hand_made();
  const auto image = image_of(trace, faulted(Mode::misdirected, {.request = 1, .sector = 5}));
  EXPECT_EQ(tag_at(image, 1), 0);
  EXPECT_EQ(tag_at(image, 5), 2);
  EXPECT_EQ(image[5 * kSectorSize + 1], 0);  // sector 0 of the write
}

TEST(FaultImage, BitRotFlipsExactlyOneBit) {
  const Trace trace = hand_made();
  const auto clean = image_of(trace, CrashState{7, Mode::prefix, {}, {}});
  const auto image = image_of(trace, faulted(Mode::bit_rot, {.request = 4, .sector = 2, .detail = 9}));
  size_t differing = 0;
  for (size_t i = 0; i < image.size(); ++i) differing += image[i] != clean[i];
  EXPECT_EQ(differing, 1u);
  EXPECT_EQ(image[2 * kSectorSize + 1], clean[2 * kSectorSize + 1] ^ 2);
}

TEST(FaultImage, SubSectorTearKeepsAPrefixOfNewBytes) {
  const Trace trace = hand_made();
  const auto image = image_of(trace, faulted(Mode::sub_sector_tear, {.request = 6, .sector = 3, .detail = 100}));
  EXPECT_EQ(image[3 * kSectorSize + 99], 5);
  EXPECT_EQ(image[3 * kSectorSize + 100], 0);
  EXPECT_EQ(image[3 * kSectorSize + 511], 0);
}

struct BadFault {
  Mode kind;
  Fault fault;
  std::string field;
};

TEST(FaultImage, FaultListsThatDoNotFitTheTraceAreRefusedByField) {
  const Trace trace = hand_made();
  const std::vector<BadFault> bad = {
      {Mode::lost_write, {.request = 6}, "faults[0].request"},           // in flight, not durable
      {Mode::lost_write, {.request = 2}, "faults[0].request"},           // a FLUSH
      {Mode::lost_write, {.request = 99}, "faults[0].request"},          // out of range
      {Mode::lost_write, {.request = 3, .detail = 1}, "faults[0].detail"},
      {Mode::lying_flush, {.request = 3}, "faults[0].request"},          // a plain write
      {Mode::misdirected, {.request = 1, .sector = 1}, "faults[0].sector"},  // its own place
      {Mode::misdirected, {.request = 1, .sector = 8}, "faults[0].sector"},  // off the device
      {Mode::bit_rot, {.request = 4, .sector = 5}, "faults[0].sector"},  // nothing durable there
      {Mode::bit_rot, {.request = 3, .sector = 2}, "faults[0].request"},  // not the sector's write
      {Mode::bit_rot, {.request = 4, .sector = 2, .detail = 4096}, "faults[0].detail"},
      {Mode::sub_sector_tear, {.request = 3, .sector = 0, .detail = 9}, "faults[0].request"},
      {Mode::sub_sector_tear, {.request = 6, .sector = 4, .detail = 9}, "faults[0].sector"},
      {Mode::sub_sector_tear, {.request = 6, .sector = 3, .detail = 512}, "faults[0].detail"},
      {Mode::sub_sector_tear, {.request = 6, .sector = 3, .detail = 0}, "faults[0].detail"},
      {Mode::read_error, {.sector = 8}, "faults[0].sector"},               // off the device
      {Mode::read_error, {.request = 1, .sector = 0}, "faults[0].request"},
      {Mode::read_error, {.sector = 0, .detail = 1}, "faults[0].detail"},
      {Mode::io_error, {.request = 99}, "faults[0].request"},              // failed after the cut
      {Mode::io_error, {.request = 1, .sector = 2}, "faults[0].sector"},
      {Mode::io_error, {.request = 1, .detail = 2}, "faults[0].detail"},   // landed is 0 or 1
  };
  for (const BadFault& b : bad) {
    try {
      (void)build_crash_image(trace, faulted(b.kind, b.fault));
      ADD_FAILURE() << mode_name(b.kind) << " request " << b.fault.request << " accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(b.field), std::string::npos) << e.what();
    }
  }
  CrashState twice = faulted(Mode::sub_sector_tear, {.request = 6, .sector = 3, .detail = 9});
  twice.faults.push_back(twice.faults[0]);
  twice.faults[1].detail = 10;
  EXPECT_THROW((void)build_crash_image(trace, twice), std::invalid_argument);
  CrashState wrong_kind = faulted(Mode::bit_rot, {.request = 3});
  wrong_kind.faults[0].kind = Mode::lost_write;
  EXPECT_THROW((void)build_crash_image(trace, wrong_kind), std::invalid_argument);
  EXPECT_THROW((void)build_crash_image(trace, CrashState{7, Mode::bit_rot, {}, {}}), std::invalid_argument);
}

EnumeratorOptions all_image_faults(uint64_t seed, uint32_t faults) {
  EnumeratorOptions o{.modes = {}, .seed = seed};
  for (const Mode m : {Mode::lying_flush, Mode::misdirected, Mode::lost_write, Mode::bit_rot, Mode::sub_sector_tear})
    o.modes.set(static_cast<size_t>(m));
  o.faults = faults;
  return o;
}

TEST(FaultImage, EnumeratedFaultImagesMatchRebuildAndOracle) {
  for (const uint32_t faults : {1u, 3u}) {
    const Trace trace = test::random_trace(5 + faults, 40, 40, 6);
    CrashStateEnumerator e(trace, all_image_faults(77, faults));
    size_t checked[kModeCount] = {};
    while (e.next()) {
      const auto bytes = e.image().bytes();
      const CrashImage rebuilt = build_crash_image(trace, e.state());
      ASSERT_EQ(rebuilt.view().bytes(), bytes) << "cut " << e.state().cut;
      ASSERT_EQ(rebuilt.view().fingerprint(), e.image().fingerprint());
      ASSERT_EQ(test::reference_image(trace, e.state()), bytes) << "cut " << e.state().cut << " " << mode_name(e.state().kind);
      uint64_t sum = 0;
      for (uint64_t s = 0; s < trace.sector_count(); ++s) sum += sector_contribution(trace, s, bytes.data() + s * kSectorSize);
      ASSERT_EQ(sum, e.image().fingerprint());
      ++checked[static_cast<size_t>(e.state().kind)];
    }
    for (size_t m = kPowerCutModeCount; m < kModeCount; ++m)
      if (is_image_fault(static_cast<Mode>(m))) EXPECT_GT(checked[m], 5u) << kModeNames[m];
  }
}

std::vector<CrashState> states(const Trace& trace, const EnumeratorOptions& o, bool faults_only) {
  std::vector<CrashState> out;
  CrashStateEnumerator e(trace, o);
  while (e.next())
    if (!faults_only || !e.state().faults.empty()) out.push_back(e.state());
  return out;
}

TEST(FaultImage, SameSeedSameFaultsOtherSeedDiffers) {
  const Trace trace = test::random_trace(21, 64, 60, 8);
  const auto first = states(trace, all_image_faults(1, 2), true);
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(states(trace, all_image_faults(1, 2), true), first);
  EXPECT_NE(states(trace, all_image_faults(2, 2), true), first);
}

TEST(FaultImage, FaultStatesNeverHideAPowerCutState) {
  const Trace trace = test::random_trace(9, 32, 50, 5);
  // Prefix states draw nothing from the Prng, so adding fault modes must leave them as they are.
  EnumeratorOptions with = all_image_faults(3, 1);
  with.modes.set(static_cast<size_t>(Mode::prefix));
  std::vector<CrashState> clean;
  for (const CrashState& s : states(trace, with, false))
    if (s.faults.empty()) clean.push_back(s);
  EXPECT_EQ(clean, states(trace, EnumeratorOptions{.modes = only(Mode::prefix)}, false));
  EXPECT_FALSE(states(trace, with, true).empty());
}

}  // namespace
}  // namespace sc::crash
