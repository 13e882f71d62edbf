// vfs_test.cpp — the crash-model VFS: a database round-trips through it on a
// RecordingDisk and on a crash image of the whole run; file existence and
// size are device writes a crash can lose; recording is deterministic.
#include <gtest/gtest.h>

#include "injector/crash/crash_image.h"
#include "injector/crash/overlay_disk.h"
#include "injector/crash/recording_disk.h"
#include "injector/sqlite/connection.h"
#include "injector/sqlite/crash_vfs.h"
#include "injector/sqlite/file_region.h"
#include "injector/sqlite/recording.h"
#include "injector/sqlite/table_content.h"
#include "injector/sqlite/workload_driver.h"

namespace sc::sqlite {
namespace {

Connection open_or_fail(CrashVfs& vfs) {
  std::string error;
  auto db = Connection::open(CrashVfs::kMainName, vfs.name(), &error);
  if (!db) throw std::runtime_error(error);
  return std::move(*db);
}

TEST(CrashVfs, DatabaseRoundTripsOnTheRecordingDiskAndOnTheFinalCrashImage) {
  crash::RecordingDisk disk(device_sectors(kRegionSectors));
  std::optional<uint64_t> written;
  {
    CrashVfs vfs(disk, kRegionSectors, 7);
    Connection db = open_or_fail(vfs);
    ASSERT_TRUE(db.exec("PRAGMA journal_mode = delete; PRAGMA synchronous = extra; " + std::string(kCreateTable)));
    for (int64_t id = 1; id <= 30; ++id)
      ASSERT_TRUE(db.exec("INSERT INTO t VALUES (" + std::to_string(id) + ", randomblob(900))"));
    written = read_content(db);
    ASSERT_TRUE(written);
    EXPECT_EQ(db.query_column("PRAGMA integrity_check"), "ok");
  }
  {
    CrashVfs vfs(disk, kRegionSectors, 7);
    Connection db = open_or_fail(vfs);
    EXPECT_EQ(read_content(db), written);
  }
  const crash::Trace& trace = disk.trace();
  size_t flushes = 0;
  for (const auto& r : trace.requests()) flushes += r.kind == crash::Kind::flush;
  EXPECT_GT(flushes, 30u);  // synchronous=extra syncs every commit, and the directory after it
  const crash::CrashImage image = crash::build_crash_image(trace, crash::CrashState{trace.cut_count() - 1, crash::Mode::prefix, {}, {}});
  crash::OverlayDisk overlay(image.view());
  CrashVfs vfs(overlay, kRegionSectors, 7);
  Connection db = open_or_fail(vfs);
  EXPECT_EQ(db.query_column("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(read_content(db), written);
}

TEST(FileRegion, ExistenceAndSizeAreWritesACrashKeepsOrLoses) {
  crash::RecordingDisk disk(device_sectors(64));
  FileRegion journal(disk, 1, 64);
  ASSERT_EQ(journal.create(), Status::ok);
  ASSERT_EQ(journal.write(100, 600, std::vector<uint8_t>(600, 0xab).data()), Status::ok);
  ASSERT_EQ(journal.sync(), Status::ok);
  ASSERT_EQ(journal.remove(), Status::ok);  // a delete without the directory sync
  ASSERT_EQ(journal.create(), Status::ok);  // the next incarnation
  ASSERT_EQ(journal.write(0, 512, std::vector<uint8_t>(512, 0xcd).data()), Status::ok);
  const crash::Trace& trace = disk.trace();
  const size_t cut = trace.cut_count() - 1;
  const auto image_of = [&](std::vector<crash::KeptWrite> kept) {
    return crash::build_crash_image(trace, crash::CrashState{cut, crash::Mode::reorder, std::move(kept), {}});
  };
  const auto meta_of = [](const crash::CrashImage& image) {
    crash::OverlayDisk overlay(image.view());
    FileMeta m;
    EXPECT_EQ(FileRegion(overlay, 1, 64).meta(&m), Status::ok);
    return m;
  };
  const size_t remove = trace.requests().size() - 4, create = remove + 1, data = create + 1, grow = data + 1;
  const FileMeta durable = meta_of(image_of({}));  // the delete is lost: the old journal, whole
  EXPECT_TRUE(durable.exists);
  EXPECT_EQ(durable.size, 700u);
  EXPECT_EQ(durable.generation, 1u);
  EXPECT_FALSE(meta_of(image_of({{remove, crash::kWholeWrite}})).exists);
  // The new incarnation's size kept without its data: it reads zeros, never
  // the old journal's bytes.
  const crash::CrashImage grown = image_of({{grow, crash::kWholeWrite}});
  const FileMeta m = meta_of(grown);
  EXPECT_EQ(m.generation, 2u);
  EXPECT_EQ(m.size, 512u);
  crash::OverlayDisk overlay(grown.view());
  std::vector<uint8_t> bytes(600, 0xff);
  ASSERT_EQ(FileRegion(overlay, 1, 64).read(m, 0, 512, bytes.data()), Status::ok);
  EXPECT_EQ(std::vector<uint8_t>(bytes.begin(), bytes.begin() + 512), std::vector<uint8_t>(512, 0));
  // Writes of the new incarnation never land on the old one's sectors.
  const crash::CrashImage with_data = image_of({{data, crash::kWholeWrite}});
  const FileMeta old = meta_of(with_data);
  EXPECT_EQ(old.generation, 1u);
  crash::OverlayDisk data_kept(with_data.view());
  ASSERT_EQ(FileRegion(data_kept, 1, 64).read(old, 100, 600, bytes.data()), Status::ok);
  EXPECT_EQ(std::vector<uint8_t>(bytes.begin(), bytes.begin() + 600), std::vector<uint8_t>(600, 0xab));
}

TEST(FileRegion, NamesMapToTheirSlotsAndNothingElse) {
  EXPECT_EQ(slot_of("/a.db", "/a.db"), 0u);
  EXPECT_EQ(slot_of("/a.db", "/a.db-journal"), 1u);
  EXPECT_EQ(slot_of("/a.db", "/a.db-wal"), 2u);
  EXPECT_EQ(slot_of("/a.db", "/a.db-mj01234"), std::nullopt);
  EXPECT_EQ(slot_of("/a.db", "/b.db"), std::nullopt);
}

TEST(WorkloadDriver, ASeedRecordsTheSameTraceBitForBit) {
  const Settings s{Journal::delete_, Synchronous::full, 4, 11};
  const SqliteRecording a = record_workload(s);
  const SqliteRecording b = record_workload(s);
  ASSERT_EQ(a.trace.requests().size(), b.trace.requests().size());
  EXPECT_TRUE(std::equal(a.trace.payload().begin(), a.trace.payload().end(), b.trace.payload().begin(),
                         b.trace.payload().end()));
  EXPECT_EQ(a.states, b.states);
  EXPECT_EQ(a.states.size(), 6u);  // nothing, the empty table, 4 transactions
  EXPECT_EQ(a.spans.size(), 5u);
  EXPECT_GT(a.spills, 0u);  // the third transaction is large enough to spill the cache
  const SqliteRecording other = record_workload(Settings{Journal::delete_, Synchronous::full, 4, 12});
  EXPECT_NE(a.states, other.states);
  EXPECT_EQ(record_workload(Settings{Journal::wal, Synchronous::full, 4, 12}).checkpoints, 1u);
}

}  // namespace
}  // namespace sc::sqlite
