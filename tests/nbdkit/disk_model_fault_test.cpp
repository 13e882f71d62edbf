// disk_model_fault_test.cpp — the storage faults the plugin's DiskModel
// serves, without nbdkit: read-error sectors named by the faults file queued
// with a power-on's image (image_queue.h) (EIO for any read touching them, for that power-on only; a
// sector outside the disk fails the power-on), io_error (request i fails
// once with EIO; its data lands only with lands=true; the trace meta says it
// was served), the guest's kIoError record kept as a mark (and refused once
// the power is off), and the io_error= syntax.
#include <gtest/gtest.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "injector/crash/trace_file.h"
#include "injector/nbdkit/disk_model.h"
#include "injector/nbdkit/image_queue.h"
#include "channel_sectors.h"
#include "injector/qemu/temp_dir.h"

namespace sc::nbd {
namespace {

namespace ch = rv::channel;
constexpr uint64_t kData = 64;  // sectors
constexpr uint64_t kControl = kData * kSectorSize;

using test::record;
using test::sector_of;

void write_text(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

void write_raw(const std::string& path) {
  std::vector<char> raw(kData * kSectorSize, 0x33);
  std::ofstream(path, std::ios::binary).write(raw.data(), static_cast<std::streamsize>(raw.size()));
}

class NextFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    dir_ = qemu::TempDir::create(&error);
    ASSERT_TRUE(dir_) << error;
    config_.size_bytes = kData * kSectorSize;
    config_.next_image = dir_->file("next.raw");
  }
  int power_on(DiskModel& m, const std::string& faults, std::string* why) {
    faults_ = queued_faults_path(config_.next_image, queued_);
    if (!faults.empty()) write_text(faults_, faults);
    write_raw(queued_image_path(config_.next_image, queued_++));
    return m.pwrite(record(ch::kPowerOn).data(), kSectorSize, kControl, false, why);
  }
  int read(DiskModel& m, uint64_t sector, uint32_t count, std::string* why) {
    std::vector<uint8_t> buf(count * kSectorSize);
    return m.pread(buf.data(), count * kSectorSize, sector * kSectorSize, why);
  }

  std::unique_ptr<qemu::TempDir> dir_;
  ModelConfig config_;
  uint64_t queued_ = 0;
  std::string faults_;  // the faults file of the last power-on
};

TEST_F(NextFaults, ReadsTouchingAFailingSectorFailForThatPowerOnOnly) {
  DiskModel m(config_);
  std::string why;
  ASSERT_EQ(power_on(m, "7\n3\n", &why), 0) << why;
  EXPECT_FALSE(std::filesystem::exists(faults_)) << "the faults are consumed with the image";
  EXPECT_EQ(m.read_errors(), (std::vector<uint64_t>{3, 7}));
  EXPECT_EQ(read(m, 3, 1, &why), EIO);
  EXPECT_NE(why.find("read-error"), std::string::npos) << why;
  EXPECT_EQ(read(m, 0, 8, &why), EIO) << "a read spanning sector 3 or 7";
  EXPECT_EQ(read(m, 4, 3, &why), 0);
  EXPECT_EQ(read(m, 8, 4, &why), 0);
  auto s = sector_of(1);
  EXPECT_EQ(m.pwrite(s.data(), kSectorSize, 3 * kSectorSize, false, &why), 0) << "writes are not failed";
  ASSERT_EQ(power_on(m, "", &why), 0) << why;
  EXPECT_TRUE(m.read_errors().empty());
  EXPECT_EQ(read(m, 3, 1, &why), 0) << "the next image without a faults file reads whole";
}

TEST_F(NextFaults, ASectorOutsideTheDiskFailsThePowerOn) {
  DiskModel m(config_);
  std::string why;
  EXPECT_EQ(power_on(m, std::to_string(kData) + "\n", &why), EIO);
  EXPECT_NE(why.find("is not a data sector"), std::string::npos) << why;
  EXPECT_EQ(power_on(m, "x\n", &why), EIO);
}

ModelConfig failing(size_t request, bool lands) {
  ModelConfig c;
  c.size_bytes = kData * kSectorSize;
  c.io_error = IoErrorSpec{request, lands};
  return c;
}

TEST(IoError, AFailedWriteLeavesNoTraceUnlessItLands) {
  for (const bool lands : {false, true}) {
    DiskModel m(failing(1, lands));
    std::string why;
    auto a = sector_of(0xa), b = sector_of(0xb), c = sector_of(0xc);
    ASSERT_EQ(m.pwrite(a.data(), kSectorSize, 0, false, &why), 0);
    EXPECT_FALSE(m.io_error_served());
    EXPECT_EQ(m.pwrite(b.data(), kSectorSize, kSectorSize, false, &why), EIO);
    EXPECT_NE(why.find("io-error at request 1"), std::string::npos) << why;
    EXPECT_TRUE(m.io_error_served());
    ASSERT_EQ(m.pwrite(c.data(), kSectorSize, 2 * kSectorSize, false, &why), 0) << "only once";
    const auto requests = m.disk().trace().requests();
    ASSERT_EQ(requests.size(), lands ? 3u : 2u);
    EXPECT_EQ(requests[1].sector, lands ? 1u : 2u);
    if (lands) EXPECT_FALSE(requests[1].fua) << "an ordinary write that may reach the media";
  }
}

TEST(IoError, AFailedFlushMakesNothingDurable) {
  DiskModel m(failing(1, false));
  std::string why;
  auto a = sector_of(0xa);
  ASSERT_EQ(m.pwrite(a.data(), kSectorSize, 0, false, &why), 0);
  EXPECT_EQ(m.flush(&why), EIO);
  ASSERT_EQ(m.disk().trace().requests().size(), 1u);
  EXPECT_EQ(m.disk().durable_image().view().bytes()[0], 0) << "the write is still in flight";
  EXPECT_EQ(m.flush(&why), 0);
  EXPECT_EQ(m.disk().trace().requests().size(), 2u);
}

TEST(IoError, AFailedFuaWriteThatLandsStaysFua) {
  DiskModel m(failing(0, true));
  std::string why;
  auto a = sector_of(0xa);
  ASSERT_EQ(m.pwrite(record(ch::kFua).data(), kSectorSize, kControl, false, &why), 0);
  EXPECT_EQ(m.pwrite(a.data(), kSectorSize, 0, false, &why), EIO);
  ASSERT_EQ(m.disk().trace().requests().size(), 1u);
  EXPECT_TRUE(m.disk().trace().requests()[0].fua);
}

TEST(IoError, AFailedFuaWriteTakesNoFlushWithIt) {
  DiskModel m(failing(0, false));
  std::string why;
  auto a = sector_of(0xa);
  ASSERT_EQ(m.pwrite(record(ch::kFua).data(), kSectorSize, kControl, false, &why), 0);
  EXPECT_EQ(m.pwrite(a.data(), kSectorSize, 0, false, &why), EIO);
  ASSERT_EQ(m.flush(&why), 0);
  ASSERT_EQ(m.disk().trace().requests().size(), 1u);
  EXPECT_EQ(m.disk().trace().requests()[0].kind, crash::Kind::flush) << "a later flush is a FLUSH of its own";
}

TEST(IoError, TheGuestsErrorRecordIsAMarkAndTheTraceSaysServed) {
  std::string error;
  auto dir = qemu::TempDir::create(&error);
  ASSERT_TRUE(dir) << error;
  ModelConfig c = failing(0, false);
  c.trace = dir->file("t.json");
  DiskModel m(c);
  std::string why;
  auto a = sector_of(0xa);
  EXPECT_EQ(m.pwrite(a.data(), kSectorSize, 0, false, &why), EIO);
  ASSERT_EQ(m.pwrite(record(ch::kIoError, 1).data(), kSectorSize, kControl, false, &why), 0) << why;
  ASSERT_EQ(m.marks().size(), 1u);
  EXPECT_EQ(m.marks()[0].kind, ch::kIoError);
  EXPECT_EQ(m.marks()[0].at, 0u);
  ASSERT_EQ(m.save_run(&why), 0) << why;
  const crash::TraceFile file = crash::load_trace_file(c.trace);
  EXPECT_EQ(file.meta["io_error"]["request"], 0);
  EXPECT_EQ(file.meta["io_error"]["served"], true);
}

TEST(IoError, AfterAPowerCutTheErrorRecordFailsToo) {
  ModelConfig c;
  c.size_bytes = kData * kSectorSize;
  c.freeze_at = 0;
  DiskModel m(c);
  std::string why;
  auto a = sector_of(0xa);
  EXPECT_EQ(m.pwrite(a.data(), kSectorSize, 0, false, &why), EIO);
  EXPECT_EQ(m.pwrite(record(ch::kIoError, 1).data(), kSectorSize, kControl, false, &why), EIO);
}

TEST(IoError, ParsesTheSpec) {
  ASSERT_TRUE(parse_io_error("12"));
  EXPECT_EQ(parse_io_error("12")->request, 12u);
  EXPECT_FALSE(parse_io_error("12")->lands);
  EXPECT_TRUE(parse_io_error("12:1")->lands);
  EXPECT_FALSE(parse_io_error("12:0")->lands);
  EXPECT_FALSE(parse_io_error("12:2"));
  EXPECT_FALSE(parse_io_error("-1"));
  EXPECT_FALSE(parse_io_error(""));
  EXPECT_FALSE(parse_io_error("x:1"));
}

}  // namespace
}  // namespace sc::nbd
