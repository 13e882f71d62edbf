// disk_model_test.cpp — the plugin's DiskModel without nbdkit: control
// records (phase, FUA + absorbed flush, marks, end), the control sector's
// bounds, freeze_at (power off at request i, durable image at the cut), the
// image base, and next_image (a new crash image at each kPowerOn, from the
// host's queue in queue order; a withdrawn image is never served).
#include <gtest/gtest.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "injector/nbdkit/disk_model.h"
#include "injector/nbdkit/image_queue.h"
#include "channel_sectors.h"
#include "injector/qemu/temp_dir.h"

namespace sc::nbd {
namespace {

namespace ch = rv::channel;
constexpr uint64_t kData = 64;  // sectors

using test::record;
using test::sector_of;

ModelConfig sized() {
  ModelConfig c;
  c.size_bytes = kData * kSectorSize;
  return c;
}

TEST(DiskModel, ServesDataPlusOneControlSector) {
  DiskModel m(sized());
  EXPECT_EQ(m.size_bytes(), (kData + 1) * kSectorSize);
  std::string why;
  auto s = sector_of(7);
  EXPECT_EQ(m.pwrite(s.data(), kSectorSize, 0, false, &why), 0);
  std::array<uint8_t, kSectorSize> back{};
  EXPECT_EQ(m.pread(back.data(), kSectorSize, 0, &why), 0);
  EXPECT_EQ(back, s);
  EXPECT_EQ(m.pread(back.data(), kSectorSize, kData * kSectorSize, &why), 0);
  EXPECT_NE(back, sector_of(0)) << "the control sector reads as the boot order (boot_order_test.cpp)";
  EXPECT_EQ(m.pwrite(s.data(), kSectorSize, kData * kSectorSize, false, &why), EIO) << "no control magic";
  EXPECT_EQ(m.pwrite(s.data(), 100, 0, false, &why), EINVAL);
  EXPECT_EQ(m.disk().trace().requests().size(), 1u);
}

TEST(DiskModel, ControlRecordsTagPhaseAndMakeFuaWrites) {
  DiskModel m(sized());
  std::string why;
  const uint64_t control = kData * kSectorSize;
  auto s = sector_of(1);
  ASSERT_EQ(m.pwrite(record(ch::kPhase, static_cast<uint64_t>(Phase::ROOT_COPY)).data(), kSectorSize, control, false, &why), 0);
  ASSERT_EQ(m.pwrite(record(ch::kFua).data(), kSectorSize, control, false, &why), 0);
  ASSERT_EQ(m.pwrite(s.data(), kSectorSize, 0, false, &why), 0);
  ASSERT_EQ(m.flush(&why), 0);  // the driver's half of the FUA write
  ASSERT_EQ(m.pwrite(record(ch::kFlush).data(), kSectorSize, control, false, &why), 0);
  ASSERT_EQ(m.flush(&why), 0);
  ASSERT_EQ(m.pwrite(record(ch::kMark, 42).data(), kSectorSize, control, false, &why), 0);
  const auto reqs = m.disk().trace().requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_TRUE(reqs[0].fua);
  EXPECT_EQ(reqs[0].phase, Phase::ROOT_COPY);
  EXPECT_EQ(reqs[1].kind, crash::Kind::flush);
  ASSERT_EQ(m.marks().size(), 1u);
  EXPECT_EQ(m.marks()[0].at, 2u);
  EXPECT_EQ(m.marks()[0].args[0], 42u);
  EXPECT_EQ(m.pwrite(record(99).data(), kSectorSize, control, false, &why), EIO);
}

TEST(DiskModel, EndStopsRecording) {
  DiskModel m(sized());
  std::string why;
  auto s = sector_of(1);
  ASSERT_EQ(m.pwrite(record(ch::kEnd).data(), kSectorSize, kData * kSectorSize, false, &why), 0);
  EXPECT_EQ(m.flush(&why), 0);
  EXPECT_EQ(m.pwrite(s.data(), kSectorSize, 0, false, &why), EIO);
  EXPECT_TRUE(m.disk().trace().requests().empty());
}

TEST(DiskModel, FreezeAtCutsPowerAndKeepsTheDurableState) {
  ModelConfig c = sized();
  c.freeze_at = 2;
  DiskModel m(c);
  std::string why;
  auto a = sector_of(0xaa), b = sector_of(0xbb);
  ASSERT_EQ(m.pwrite(a.data(), kSectorSize, 0, false, &why), 0);  // request 0
  ASSERT_EQ(m.flush(&why), 0);                                    // request 1
  EXPECT_EQ(m.pwrite(b.data(), kSectorSize, 0, false, &why), EIO);  // request 2: the cut
  EXPECT_TRUE(m.powered_off());
  std::array<uint8_t, kSectorSize> back{};
  EXPECT_EQ(m.pread(back.data(), kSectorSize, 0, &why), EIO);
  EXPECT_EQ(m.flush(&why), EIO) << "QEMU's flush on close must not count";
  const auto image = m.disk().durable_image().view().bytes();
  EXPECT_EQ(0, std::memcmp(image.data(), a.data(), kSectorSize));
}

TEST(DiskModel, LoadsImageAsBaseAndSavesFiles) {
  std::string error;
  auto dir = qemu::TempDir::create(&error);
  ASSERT_TRUE(dir) << error;
  std::vector<uint8_t> raw(kData * kSectorSize, 0);
  raw[kSectorSize * 3] = 0x5a;
  std::ofstream(dir->file("in.raw"), std::ios::binary).write(reinterpret_cast<const char*>(raw.data()), static_cast<std::streamsize>(raw.size()));
  ModelConfig c;
  c.image = dir->file("in.raw");
  c.trace = dir->file("t.json");
  c.durable = dir->file("d.raw");
  DiskModel m(c);
  EXPECT_EQ(m.size_bytes(), (kData + 1) * kSectorSize);
  std::array<uint8_t, kSectorSize> back{};
  std::string why;
  ASSERT_EQ(m.pread(back.data(), kSectorSize, 3 * kSectorSize, &why), 0);
  EXPECT_EQ(back[0], 0x5a);
  ASSERT_EQ(m.save_run(&why), 0) << why;
  EXPECT_TRUE(std::filesystem::exists(c.trace));
  EXPECT_EQ(std::filesystem::file_size(c.durable), raw.size());
  c.image = dir->file("missing.raw");
  EXPECT_THROW(DiskModel{c}, std::runtime_error);
}

void write_raw(const std::string& path, uint8_t first_byte) {
  std::vector<char> raw(kData * kSectorSize, 0);
  raw[0] = static_cast<char>(first_byte);
  std::ofstream(path + ".part", std::ios::binary).write(raw.data(), static_cast<std::streamsize>(raw.size()));
  std::filesystem::rename(path + ".part", path);
}

TEST(DiskModel, PowerOnServesTheNextImageAfresh) {
  std::string error;
  auto dir = qemu::TempDir::create(&error);
  ASSERT_TRUE(dir) << error;
  ModelConfig c = sized();
  c.next_image = dir->file("next.raw");
  int pauses = 0;
  DiskModel m(c, [&](std::chrono::microseconds) {
    if (++pauses == 3) write_raw(queued_image_path(c.next_image, 0), 0x11);  // the host delivers while the guest waits
    return true;
  });
  std::string why;
  const uint64_t control = kData * kSectorSize;
  auto s = sector_of(9);
  ASSERT_EQ(m.pwrite(s.data(), kSectorSize, kSectorSize, false, &why), 0);
  ASSERT_EQ(m.pwrite(record(ch::kMark, 1).data(), kSectorSize, control, false, &why), 0);
  ASSERT_EQ(m.pwrite(record(ch::kPowerOn).data(), kSectorSize, control, false, &why), 0) << why;
  EXPECT_EQ(pauses, 3);
  EXPECT_FALSE(std::filesystem::exists(queued_image_path(c.next_image, 0))) << "an image is served once";
  EXPECT_FALSE(std::filesystem::exists(queued_image_path(c.next_image, 0) + ".taken"));
  EXPECT_TRUE(m.disk().trace().requests().empty());
  EXPECT_TRUE(m.marks().empty());
  std::array<uint8_t, kSectorSize> back{};
  ASSERT_EQ(m.pread(back.data(), kSectorSize, 0, &why), 0);
  EXPECT_EQ(back[0], 0x11);
  ASSERT_EQ(m.pread(back.data(), kSectorSize, kSectorSize, &why), 0);
  EXPECT_EQ(back, sector_of(0)) << "nothing written before the power-on survives it";
}

// Images queued ahead are served in queue order, one per power-on, whatever
// order they were written in; a withdrawn one is skipped; withdrawing a
// served one fails (the claim and the withdrawal exclude each other).
TEST(DiskModel, PowerOnsServeTheQueueInOrder) {
  std::string error;
  auto dir = qemu::TempDir::create(&error);
  ASSERT_TRUE(dir) << error;
  ModelConfig c = sized();
  c.next_image = dir->file("next.raw");
  write_raw(queued_image_path(c.next_image, 12), 0x12);
  write_raw(queued_image_path(c.next_image, 3), 0x03);
  write_raw(queued_image_path(c.next_image, 7), 0x07);
  write_raw(queued_image_path(c.next_image, 10), 0x10);
  EXPECT_TRUE(withdraw_image(c.next_image, 7));
  DiskModel m(c, [](std::chrono::microseconds) { return false; });
  std::string why;
  const uint64_t control = kData * kSectorSize;
  for (const int expected : {0x03, 0x10, 0x12}) {
    ASSERT_EQ(m.pwrite(record(ch::kPowerOn).data(), kSectorSize, control, false, &why), 0) << why;
    std::array<uint8_t, kSectorSize> back{};
    ASSERT_EQ(m.pread(back.data(), kSectorSize, 0, &why), 0);
    EXPECT_EQ(back[0], expected);
  }
  EXPECT_FALSE(withdraw_image(c.next_image, 12)) << "served already";
  EXPECT_EQ(m.pwrite(record(ch::kPowerOn).data(), kSectorSize, control, false, &why), EIO) << "the queue is empty";
}

TEST(DiskModel, PowerOnFailsWhenTheWaitIsAbandoned) {
  ModelConfig c = sized();
  c.next_image = "/nonexistent/next.raw";
  DiskModel m(c, [](std::chrono::microseconds) { return false; });
  std::string why;
  EXPECT_EQ(m.pwrite(record(ch::kPowerOn).data(), kSectorSize, kData * kSectorSize, false, &why), EIO);
  EXPECT_NE(why.find("no image arrived"), std::string::npos) << why;
}

TEST(DiskModel, PowerOnWithoutNextImageKeepsTheDisk) {
  DiskModel m(sized());
  std::string why;
  auto s = sector_of(3);
  ASSERT_EQ(m.pwrite(s.data(), kSectorSize, 0, false, &why), 0);
  ASSERT_EQ(m.pwrite(record(ch::kPowerOn).data(), kSectorSize, kData * kSectorSize, false, &why), 0);
  std::array<uint8_t, kSectorSize> back{};
  ASSERT_EQ(m.pread(back.data(), kSectorSize, 0, &why), 0);
  EXPECT_EQ(back, s);
}

TEST(DiskModel, ParsesSizes) {
  EXPECT_EQ(parse_size("4M"), uint64_t{4} << 20);
  EXPECT_EQ(parse_size("1024"), 1024u);
  EXPECT_FALSE(parse_size("100"));
  EXPECT_FALSE(parse_size("4X"));
  EXPECT_FALSE(parse_size("x"));
}

}  // namespace
}  // namespace sc::nbd
