// disks_test.cpp — RecordingDisk (recording, volatile reads, phases, live
// cut, nested recording over a crash image) and OverlayDisk (layered reads,
// copy-on-write), including out-of-range requests.
#include <gtest/gtest.h>

#include <cstdint>

#include "crash_image.h"
#include "enumerator.h"
#include "overlay_disk.h"
#include "recording_disk.h"
#include "test_traces.h"

namespace sc::crash {
namespace {

using test::tagged;

void write(BlockDevice& disk, uint64_t sector, uint32_t count, uint8_t tag, bool fua = false) {
  ASSERT_EQ(disk.write(sector, count, tagged(tag, count).data(), fua), Status::ok);
}

uint8_t read_tag(BlockDevice& disk, uint64_t sector) {
  std::vector<uint8_t> buf(kSectorSize, 0xee);
  EXPECT_EQ(disk.read(sector, 1, buf.data()), Status::ok);
  return buf[0];
}

std::vector<uint8_t> prefix_image_from_enumerator(const Trace& trace, size_t cut) {
  CrashStateEnumerator e(trace, EnumeratorOptions{.modes = only(Mode::prefix)});
  std::vector<uint8_t> last;
  while (e.next() && e.state().cut <= cut)
    if (e.state().kept.empty()) last = e.image().bytes();
  return last;
}

TEST(RecordingDisk, RecordsRequestsWithPhasesAndServesNewestData) {
  RecordingDisk disk(16);
  disk.set_phase(Phase::SNAPSHOT);
  write(disk, 3, 2, 7);
  write(disk, 4, 1, 8, /*fua=*/true);
  disk.set_phase(Phase::ROOT_COPY);
  ASSERT_EQ(disk.flush(), Status::ok);
  const auto requests = disk.trace().requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].phase, Phase::SNAPSHOT);
  EXPECT_FALSE(requests[0].fua);
  EXPECT_TRUE(requests[1].fua);
  EXPECT_EQ(requests[2].kind, Kind::flush);
  EXPECT_EQ(requests[2].phase, Phase::ROOT_COPY);
  EXPECT_EQ(read_tag(disk, 3), 7);
  EXPECT_EQ(read_tag(disk, 4), 8);
  EXPECT_EQ(read_tag(disk, 5), 0);
}

TEST(RecordingDisk, OutOfRangeIsRejectedAndNotRecorded) {
  RecordingDisk disk(8);
  std::vector<uint8_t> buf(4 * kSectorSize);
  EXPECT_EQ(disk.write(8, 1, buf.data(), false), Status::bad_argument);
  EXPECT_EQ(disk.write(7, 2, buf.data(), false), Status::bad_argument);
  EXPECT_EQ(disk.write(UINT64_MAX, 2, buf.data(), false), Status::bad_argument);
  EXPECT_EQ(disk.write(0, 0, buf.data(), false), Status::bad_argument);
  EXPECT_EQ(disk.read(7, 2, buf.data()), Status::bad_argument);
  EXPECT_EQ(disk.read(UINT64_MAX - 1, 4, buf.data()), Status::bad_argument);
  EXPECT_TRUE(disk.trace().requests().empty());
}

TEST(RecordingDisk, LiveCutEqualsOfflinePrefixState) {
  RecordingDisk disk(32);
  write(disk, 0, 4, 1);
  write(disk, 4, 4, 2, /*fua=*/true);
  ASSERT_EQ(disk.flush(), Status::ok);
  write(disk, 0, 2, 3);
  write(disk, 8, 1, 4, /*fua=*/true);
  const size_t cut = disk.trace().requests().size();
  disk.freeze_at(cut);
  write(disk, 0, 8, 5);
  ASSERT_EQ(disk.flush(), Status::ok);
  EXPECT_EQ(read_tag(disk, 0), 5) << "the guest keeps running after the freeze";
  EXPECT_EQ(disk.cut(), cut);
  const auto live = disk.durable_image().view().bytes();
  EXPECT_EQ(test::tag_at(live, 0), 1) << "write 3 was in flight at the cut";
  EXPECT_EQ(test::tag_at(live, 8), 4);
  EXPECT_EQ(live, prefix_image_from_enumerator(disk.trace(), cut));
  EXPECT_EQ(live, test::reference_image(disk.trace(), CrashState{cut, Mode::prefix, {}, {}}));
}

TEST(RecordingDisk, FreezeBeyondTheRunCutsAtItsEnd) {
  RecordingDisk disk(8);
  write(disk, 0, 1, 1, /*fua=*/true);
  disk.freeze_at(100);
  EXPECT_EQ(disk.cut(), 1u);
  EXPECT_EQ(test::tag_at(disk.durable_image().view().bytes(), 0), 1);
}

TEST(RecordingDisk, RecordsRecoveryOverACrashImage) {
  Trace outer(16);
  test::write_tagged(outer, 0, 2, 1, /*fua=*/true);
  test::write_tagged(outer, 2, 2, 2);
  const CrashImage crash = build_crash_image(outer, CrashState{2, Mode::torn, {{1, 0b01}}, {}});
  RecordingDisk recovery(crash.view());
  EXPECT_EQ(read_tag(recovery, 1), 1);
  EXPECT_EQ(read_tag(recovery, 2), 2);
  EXPECT_EQ(read_tag(recovery, 3), 0);
  recovery.set_phase(Phase::RECOVERY);
  write(recovery, 3, 1, 9);
  const Trace& nested = recovery.trace();
  EXPECT_EQ(build_crash_image(nested, CrashState{0, Mode::prefix, {}, {}}).view().bytes(),
            crash.view().bytes());
  const auto kept = build_crash_image(nested, CrashState{1, Mode::reorder, {{0, kWholeWrite}}, {}});
  EXPECT_EQ(test::tag_at(kept.view().bytes(), 3), 9);
  EXPECT_EQ(test::tag_at(kept.view().bytes(), 2), 2);
}

TEST(OverlayDisk, ReadsLayersAndWritesCopyOnWrite) {
  Trace trace(16);
  test::write_tagged(trace, 0, 4, 1, /*fua=*/true);
  test::write_tagged(trace, 2, 4, 2);
  const CrashImage crash = build_crash_image(trace, CrashState{2, Mode::reorder, {{1, kWholeWrite}}, {}});
  const auto before = crash.view().bytes();
  OverlayDisk disk(crash.view());
  EXPECT_EQ(read_tag(disk, 1), 1);
  EXPECT_EQ(read_tag(disk, 2), 2);
  EXPECT_EQ(read_tag(disk, 9), 0);
  write(disk, 1, 2, 7);
  EXPECT_EQ(read_tag(disk, 1), 7);
  EXPECT_EQ(read_tag(disk, 2), 7);
  EXPECT_EQ(read_tag(disk, 3), 2);
  EXPECT_EQ(disk.written().size(), 2u);
  EXPECT_EQ(crash.view().bytes(), before) << "the shared layers are untouched";
  OverlayDisk other(crash.view());
  EXPECT_EQ(read_tag(other, 1), 1);
}

TEST(OverlayDisk, OutOfRangeIsRejected) {
  Trace trace(4);
  const CrashImage crash = build_crash_image(trace, CrashState{});
  OverlayDisk disk(crash.view());
  std::vector<uint8_t> buf(2 * kSectorSize);
  EXPECT_EQ(disk.read(4, 1, buf.data()), Status::bad_argument);
  EXPECT_EQ(disk.read(3, 2, buf.data()), Status::bad_argument);
  EXPECT_EQ(disk.write(UINT64_MAX, 2, buf.data(), true), Status::bad_argument);
  EXPECT_TRUE(disk.written().empty());
}

}  // namespace
}  // namespace sc::crash
