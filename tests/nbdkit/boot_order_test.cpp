// boot_order_test.cpp — one plugin connection serving record runs and
// recoveries in turn (disk_model.h, image_queue.h): the control sector
// reads as the power-on's boot order; a record order starts a blank disk
// and writes its trace at kEnd, before the connection closes; a live-cut
// order writes its files at the cut and a kPowerOn turns the power on again;
// a malformed order fails the power-on with the file named.
#include <gtest/gtest.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "channel_sectors.h"
#include "injector/crash/trace_file.h"
#include "injector/nbdkit/disk_model.h"
#include "injector/nbdkit/image_queue.h"
#include "injector/qemu/temp_dir.h"

namespace sc::nbd {
namespace {

namespace ch = rv::channel;
constexpr uint64_t kData = 64;  // sectors
constexpr uint64_t kControl = kData * kSectorSize;

using test::record;
using test::sector_of;

ch::Record boot_order(DiskModel& m) {
  std::array<uint8_t, kSectorSize> sector{};
  std::string why;
  EXPECT_EQ(m.pread(sector.data(), kSectorSize, kControl, &why), 0) << why;
  ch::Record r;
  std::memcpy(&r, sector.data(), sizeof r);
  return r;
}

class BootOrder : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    dir_ = qemu::TempDir::create(&error);
    ASSERT_TRUE(dir_) << error;
    config_.size_bytes = kData * kSectorSize;
    config_.next_image = dir_->file("next.raw");
  }
  std::string file(const std::string& name) const { return dir_->file(name); }
  void stage(uint64_t n, std::vector<uint8_t> image, std::vector<std::string> order = {}) {
    stage_image(config_.next_image, n, image, {}, order);
  }
  int power_on(DiskModel& m) { return m.pwrite(record(ch::kPowerOn).data(), kSectorSize, kControl, false, &why_); }

  std::unique_ptr<qemu::TempDir> dir_;
  ModelConfig config_;
  std::string why_;
};

TEST_F(BootOrder, WithoutATraceTheGuestRecoversAndWithOneItRecords) {
  DiskModel recovering(config_);
  EXPECT_EQ(boot_order(recovering).magic, ch::kMagic);
  EXPECT_EQ(boot_order(recovering).kind, ch::kBootOrder);
  EXPECT_EQ(boot_order(recovering).args[0], ch::kBootRecover);
  ModelConfig recording = config_;
  recording.trace = file("t.json");
  DiskModel m(recording);
  EXPECT_EQ(boot_order(m).args[0], ch::kBootRecord);
}

TEST_F(BootOrder, ARecordOrderRecordsABlankDiskAndWritesItsTraceAtTheEnd) {
  stage(0, std::vector<uint8_t>(kData * kSectorSize, 0x77));
  stage(1, {}, {"trace=" + file("run.json")});
  stage(2, std::vector<uint8_t>(kData * kSectorSize, 0x22));
  DiskModel m(config_, [](std::chrono::microseconds) { return false; });
  ASSERT_EQ(power_on(m), 0) << why_;
  EXPECT_EQ(boot_order(m).args[0], ch::kBootRecover);
  ASSERT_EQ(power_on(m), 0) << why_;
  EXPECT_EQ(boot_order(m).args[0], ch::kBootRecord);
  std::array<uint8_t, kSectorSize> back{};
  ASSERT_EQ(m.pread(back.data(), kSectorSize, 0, &why_), 0);
  EXPECT_EQ(back, sector_of(0)) << "a record run starts on a blank disk";
  const auto s = sector_of(5);
  ASSERT_EQ(m.pwrite(s.data(), kSectorSize, 0, false, &why_), 0);
  ASSERT_EQ(m.pwrite(record(ch::kMark, ch::kMarkBoot).data(), kSectorSize, kControl, false, &why_), 0);
  EXPECT_FALSE(std::filesystem::exists(file("run.json")));
  ASSERT_EQ(m.pwrite(record(ch::kEnd).data(), kSectorSize, kControl, false, &why_), 0) << why_;
  ASSERT_TRUE(std::filesystem::exists(file("run.json"))) << "written at kEnd, not at the close";
  const crash::TraceFile trace = crash::load_trace_file(file("run.json"));
  EXPECT_EQ(trace.trace.requests().size(), 1u);
  EXPECT_EQ(trace.meta["marks"].size(), 1u);
  ASSERT_EQ(power_on(m), 0) << why_;
  EXPECT_EQ(boot_order(m).args[0], ch::kBootRecover) << "the order was that power-on's only";
  std::string ignored;
  EXPECT_EQ(m.save_run(&ignored), 0);
  EXPECT_EQ(crash::load_trace_file(file("run.json")).trace.requests().size(), 1u) << "a recovery writes no trace";
}

TEST_F(BootOrder, ALiveCutWritesItsFilesAtTheCutAndPowerOnRestoresPower) {
  stage(0, {}, {"trace=" + file("cut.json"), "durable=" + file("cut.raw"), "freeze_at=1"});
  stage(1, std::vector<uint8_t>(kData * kSectorSize, 0x31));
  DiskModel m(config_, [](std::chrono::microseconds) { return false; });
  ASSERT_EQ(power_on(m), 0) << why_;
  const auto a = sector_of(0xa);
  ASSERT_EQ(m.pwrite(a.data(), kSectorSize, 0, true, &why_), 0);
  EXPECT_EQ(m.pwrite(a.data(), kSectorSize, kSectorSize, false, &why_), EIO);
  EXPECT_TRUE(m.powered_off());
  ASSERT_TRUE(std::filesystem::exists(file("cut.raw"))) << "written at the cut";
  ASSERT_TRUE(std::filesystem::exists(file("cut.json")));
  EXPECT_EQ(std::filesystem::file_size(file("cut.raw")), kData * kSectorSize);
  EXPECT_EQ(m.pwrite(record(ch::kMark, 1).data(), kSectorSize, kControl, false, &why_), EIO) << "the power is off";
  ASSERT_EQ(power_on(m), 0) << why_;
  EXPECT_FALSE(m.powered_off());
  std::array<uint8_t, kSectorSize> back{};
  ASSERT_EQ(m.pread(back.data(), kSectorSize, 0, &why_), 0);
  EXPECT_EQ(back[0], 0x31);
}

TEST_F(BootOrder, AMalformedOrderFailsThePowerOnNamingTheFile) {
  stage(0, {}, {"freeze_at=soon", "trace=" + file("t.json")});
  stage(1, {}, {"durable=" + file("d.raw")});
  stage(2, {}, {"size=4M", "trace=" + file("t.json")});
  DiskModel m(config_, [](std::chrono::microseconds) { return false; });
  EXPECT_EQ(power_on(m), EIO);
  EXPECT_NE(why_.find("next.raw.0.order: freeze_at=soon: expected a request index"), std::string::npos) << why_;
  EXPECT_EQ(power_on(m), EIO);
  EXPECT_NE(why_.find("names no trace="), std::string::npos) << why_;
  EXPECT_EQ(power_on(m), EIO);
  EXPECT_NE(why_.find("next.raw.2.order: unknown setting size; a record order takes trace, durable, freeze_at or io_error"),
            std::string::npos)
      << why_;
}

}  // namespace
}  // namespace sc::nbd
