// fault_disks_test.cpp — the disks' fault hooks on hand-made requests:
// RecordingDisk::fail_request (io-error: the failing WRITE or FLUSH returns
// Status::io_error; a failed FLUSH and a failed WRITE that does not land are
// not recorded, a landing one is; requests before and after are recorded as
// usual) and OverlayDisk::note_reads (read-error draws its sectors from the
// reads it logs).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "crash_image.h"
#include "overlay_disk.h"
#include "recording_disk.h"
#include "test_traces.h"

namespace sc::crash {
namespace {

using test::tagged;

Status write(BlockDevice& disk, uint64_t sector, uint8_t tag) { return disk.write(sector, 1, tagged(tag, 1).data(), false); }

uint8_t read_tag(BlockDevice& disk, uint64_t sector) {
  std::vector<uint8_t> buf(kSectorSize, 0xee);
  EXPECT_EQ(disk.read(sector, 1, buf.data()), Status::ok);
  return buf[0];
}

TEST(FailingRecordingDisk, AFailedFlushReturnsAnErrorAndIsNotRecorded) {
  RecordingDisk disk(16);
  disk.fail_request(1, false);
  EXPECT_EQ(write(disk, 2, 7), Status::ok);
  EXPECT_FALSE(disk.failed_request());
  EXPECT_EQ(disk.flush(), Status::io_error);
  EXPECT_TRUE(disk.failed_request());
  EXPECT_EQ(disk.flush(), Status::ok);
  ASSERT_EQ(disk.trace().requests().size(), 2u);
  EXPECT_EQ(disk.trace().requests()[0].kind, Kind::write);
  EXPECT_EQ(disk.trace().requests()[1].kind, Kind::flush);
}

TEST(FailingRecordingDisk, AFailedWriteThatDoesNotLandLeavesNoTrace) {
  RecordingDisk disk(16);
  disk.fail_request(1, false);
  EXPECT_EQ(write(disk, 2, 7), Status::ok);
  EXPECT_EQ(write(disk, 2, 8), Status::io_error);
  EXPECT_EQ(read_tag(disk, 2), 7);
  EXPECT_EQ(write(disk, 3, 9), Status::ok);
  ASSERT_EQ(disk.trace().requests().size(), 2u);
  EXPECT_EQ(disk.trace().requests()[1].sector, 3u);
}

TEST(FailingRecordingDisk, AFailedWriteThatLandsIsRecordedInFlight) {
  RecordingDisk disk(16);
  disk.fail_request(0, true);
  EXPECT_EQ(write(disk, 2, 8), Status::io_error);
  ASSERT_EQ(disk.trace().requests().size(), 1u);
  EXPECT_EQ(read_tag(disk, 2), 8);
  // Not durable: a cut right after it keeps nothing of it in the prefix state.
  const CrashImage cut_after(disk.trace(), CrashState{1, Mode::prefix, {}, {}});
  EXPECT_EQ(cut_after.view().bytes()[2 * kSectorSize], 0);
}

TEST(FailingRecordingDisk, OutOfRangeRequestsAreRefusedWithoutUsingTheFailure) {
  RecordingDisk disk(16);
  disk.fail_request(0, false);
  EXPECT_EQ(write(disk, 99, 1), Status::bad_argument);
  EXPECT_EQ(write(disk, 1, 1), Status::io_error);
}

TEST(FailingRecordingDisk, WithoutAFailureEveryRequestSucceeds) {
  RecordingDisk disk(16);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(write(disk, 1, 1), Status::ok);
  EXPECT_EQ(disk.flush(), Status::ok);
  EXPECT_FALSE(disk.failed_request());
  EXPECT_EQ(disk.trace().requests().size(), 5u);
}

// One FUA write tagged 5 over sectors 4..7, durable at cut 1.
Trace one_durable_write() {
  Trace trace(16);
  EXPECT_EQ(trace.append_write(4, 4, tagged(5, 4).data(), true, Phase::RUN), Status::ok);
  return trace;
}

class ReadLog : public ::testing::Test {
 protected:
  Trace trace = one_durable_write();
  CrashImage image{trace, CrashState{1, Mode::prefix, {}, {}}};
};

TEST_F(ReadLog, ReadsServedAreNotedWhenAsked) {
  OverlayDisk disk(image.view());
  std::vector<OverlayDisk::ReadSpan> reads;
  disk.note_reads(&reads);
  std::vector<uint8_t> buf(4 * kSectorSize);
  EXPECT_EQ(disk.read(4, 4, buf.data()), Status::ok);
  EXPECT_EQ(disk.read(1, 1, buf.data()), Status::ok);
  EXPECT_EQ(disk.read(99, 1, buf.data()), Status::bad_argument);
  ASSERT_EQ(reads.size(), 2u);
  EXPECT_EQ(reads[0].sector, 4u);
  EXPECT_EQ(reads[0].count, 4u);
  EXPECT_EQ(reads[1].sector, 1u);
}

}  // namespace
}  // namespace sc::crash
