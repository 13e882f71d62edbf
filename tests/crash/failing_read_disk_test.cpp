// failing_read_disk_test.cpp — FailingReadDisk (read-error in-process): a
// read touching a failing sector fails with io_error and leaves the buffer
// as it was, every other request passes through; read_error_sectors() takes
// only read-error faults, sorted and without repeats.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "failing_read_disk.h"
#include "recording_disk.h"
#include "test_traces.h"

namespace sc::crash {
namespace {

TEST(FailingReadDisk, FailsReadsTouchingAFailingSectorOnly) {
  RecordingDisk disk(16);
  ASSERT_EQ(disk.write(0, 16, test::tagged(5, 16).data(), false), Status::ok);
  FailingReadDisk faulty(disk, {4, 9});
  std::vector<uint8_t> buf(8 * kSectorSize, 0xee);
  EXPECT_EQ(faulty.read(4, 1, buf.data()), Status::io_error);
  EXPECT_EQ(faulty.read(2, 3, buf.data()), Status::io_error) << "2..4 covers 4";
  EXPECT_EQ(faulty.read(8, 8, buf.data()), Status::io_error) << "8..15 covers 9";
  EXPECT_EQ(buf[0], 0xee) << "a failed read fills nothing";
  EXPECT_EQ(faulty.read(5, 4, buf.data()), Status::ok);
  EXPECT_EQ(buf[0], 5);
  EXPECT_EQ(faulty.read(10, 6, buf.data()), Status::ok);
  EXPECT_EQ(faulty.read(0, 4, buf.data()), Status::ok);
  EXPECT_EQ(faulty.write(4, 1, buf.data(), true), Status::ok) << "writes are not failed";
  EXPECT_EQ(faulty.sector_count(), 16u);
  EXPECT_EQ(disk.trace().requests().size(), 2u);
}

TEST(FailingReadDisk, WithoutFailingSectorsItIsTransparent) {
  RecordingDisk disk(4);
  FailingReadDisk faulty(disk, {});
  std::vector<uint8_t> buf(4 * kSectorSize);
  EXPECT_EQ(faulty.read(0, 4, buf.data()), Status::ok);
  EXPECT_EQ(faulty.read(3, 2, buf.data()), Status::bad_argument) << "the wrapped disk's range check";
}

TEST(FailingReadDisk, ReadErrorSectorsTakesOnlyReadErrorFaults) {
  const std::vector<Fault> faults = {{Mode::read_error, 0, 9, 0},
                                     {Mode::bit_rot, 0, 3, 17},
                                     {Mode::read_error, 0, 2, 0},
                                     {Mode::read_error, 0, 9, 0}};
  EXPECT_EQ(read_error_sectors(faults), (std::vector<uint64_t>{2, 9}));
  EXPECT_TRUE(read_error_sectors({}).empty());
}

}  // namespace
}  // namespace sc::crash
