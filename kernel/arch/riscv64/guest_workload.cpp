// guest_workload.cpp — see guest_workload.h.
#include "kernel/arch/riscv64/guest_workload.h"

#include "kernel/arch/riscv64/channel_disk.h"
#include "kernel/arch/riscv64/clock.h"
#include "kernel/arch/riscv64/console.h"
#include "kernel/arch/riscv64/finisher.h"
#include "kernel/arch/riscv64/rv_platform.h"
#include "kernel/arch/riscv64/user_locus.h"
#include "kernel/arch/riscv64/user_stats.h"
#include "kernel/abi/workload_blob.h"
#include "kernel/harness/bug_bits.h"
#include "kernel/harness/locus_scheduler.h"
#include "kernel/harness/readback.h"
#include "kernel/harness/step_seed.h"

namespace rv {

namespace {

RvPlatform platform;
sc::Kernel kernel(platform);
sc::BootConfig config;
UserLocus loci[sc::kMaxLoci];
alignas(16) uint8_t page_buf[sc::kPageSize];

const blob::Header& header() { return *reinterpret_cast<const blob::Header*>(blob::kBlobAddress); }

[[noreturn]] void bad_blob(const char* why) { panic(FailCode::bad_workload, "bad workload blob: %s", why); }

// Walks the blob with every read checked against total_bytes.
class BlobCursor {
 public:
  explicit BlobCursor(uint64_t offset) : offset_(offset) {}
  template <typename T>
  const T* take(uint64_t count = 1) {
    const uint64_t bytes = sizeof(T) * count;
    if (count > blob::kMaxBlobBytes || offset_ + bytes > header().total_bytes) bad_blob("truncated");
    const auto* p = reinterpret_cast<const T*>(blob::kBlobAddress + offset_);
    offset_ += bytes;
    return p;
  }

 private:
  uint64_t offset_;
};

void load_config() {
  const blob::Header& h = header();
  if (h.version != blob::kVersion) bad_blob("unknown version");
  if (h.total_bytes > blob::kMaxBlobBytes) bad_blob("too large");
  if (h.manager_count > sc::kMaxManagers || h.container_count > sc::kMaxContainers) bad_blob("too many objects");
  BlobCursor cursor(sizeof(blob::Header));
  const blob::Manager* m = cursor.take<blob::Manager>(h.manager_count);
  config = sc::BootConfig{};
  config.manager_count = h.manager_count;
  for (uint32_t i = 0; i < h.manager_count; ++i) {
    sc::ManagerConfig& mc = config.managers[i];
    mc.id = static_cast<sc::ManagerId>(m[i].id);
    mc.home = static_cast<sc::ContainerId>(m[i].home);
    mc.entry = m[i].entry;
    mc.managed_by = static_cast<sc::ManagerId>(m[i].managed_by);
    mc.partition_start = m[i].partition_start;
    mc.partition_sectors = m[i].partition_sectors;
    mc.bugs = m[i].bugs;
  }
  config.bugs = sc::kernel_bugs_from_bits(h.kernel_bugs);
}

ChannelDisk& open_disk() {
  const char* why = nullptr;
  VirtioBlk* device = VirtioBlk::probe(&why);
  if (device == nullptr) panic(FailCode::no_disk, "no disk: %s", why);
  static ChannelDisk disk(*device);
  if (disk.sector_count() != header().disk_sectors)
    panic(FailCode::no_disk, "disk has %lu data sectors, workload needs %lu", disk.sector_count(),
          header().disk_sectors);
  return disk;
}

sc::Status boot(ChannelDisk& disk) {
  const sc::Status s = kernel.boot(config);
  const sc::BootReport& r = kernel.boot_report();
  const uint64_t mark[] = {channel::kMarkBoot, static_cast<uint64_t>(static_cast<int64_t>(r.status)),
                           r.failed_manager, r.epoch};
  disk.send(channel::kMark, mark, 4);
  return s;
}

void yield_hook(void* scheduler) { static_cast<sc::LocusScheduler*>(scheduler)->yield_step(); }

// One run step (workload_runner.cpp run_step, without the online checks).
void run_step(ChannelDisk& disk, uint64_t index, BlobCursor& cursor, uint32_t locus_count) {
  sc::LocusScheduler scheduler(kernel, sc::step_seed(header().seed, index));
  sc::LocusId ids[sc::kMaxLoci];
  uint32_t started = 0;
  for (uint32_t i = 0; i < locus_count; ++i) {
    const blob::LocusHeader* spec = cursor.take<blob::LocusHeader>();
    cursor.take<blob::Op>(spec->op_count);
    const auto home = static_cast<sc::ContainerId>(spec->home);
    sc::LocusId id;
    if (started == sc::kMaxLoci || !kernel.container_exists(home) || sc::failed(kernel.create_locus(home, &id)))
      continue;
    loci[started].start(spec, &disk);
    scheduler.add(id, &loci[started]);
    ids[started++] = id;
  }
  platform.set_yield_hook(yield_hook, &scheduler);
  if (!scheduler.run()) kprintf("SC STUCK step %lu\n", index);
  platform.set_yield_hook(nullptr, nullptr);
  for (uint32_t i = 0; i < started; ++i) kernel.destroy_locus(ids[i]);
}

// Prints a container's recovered pages in the readback format.
class ConsoleSink final : public sc::ReadbackSink {
 public:
  void container(sc::ContainerId id, uint32_t page_count) override { kprintf("SC CONT %u %u\n", id, page_count); }
  void page(sc::ContainerId id, uint32_t page, uint64_t hash) override {
    kprintf("SC PAGE %u %u %lx\n", id, page, hash);
  }
};

void read_back_container(sc::ContainerId c) {
  ConsoleSink sink;
  const sc::Status s = sc::read_back_container(kernel, platform.reported_pages(), c, page_buf, sink);
  if (sc::failed(s)) kprintf("SC ENUMFAIL %u %d\n", c, static_cast<int>(s));
}

// The boot report of a recovery and, if it booted, every created container's
// pages, in the readback format.
void print_recovered(sc::Status s) {
  const sc::BootReport& r = kernel.boot_report();
  kprintf("SC BOOT %d %u %u %lu\n", static_cast<int>(r.status), r.failed_manager, r.had_cut ? 1 : 0, r.epoch);
  if (sc::failed(s)) return;
  for (uint32_t i = header().manager_count; i < header().container_count; ++i) {
    const auto c = static_cast<sc::ContainerId>(i);
    if (kernel.container_exists(c)) read_back_container(c);
  }
}

// Ends this power-on: what ran in U-mode, then "SC DONE" with the guest
// times of this boot, and a machine reset: the next boot starts with the
// plugin's next order after kPowerOn.
uint64_t power_on_asked = 0, power_on_served = 0;

[[noreturn]] void end_boot() {
  print_user_stats();
  kprintf("SC DONE %lu %lu %lu\n", micros_since_reset(), power_on_asked, power_on_served);
  reset_machine();
}

// A live cut took the power away under a data request: the run ends here,
// as a power cut ends it, and the machine starts again.
[[noreturn]] void power_lost(const char* what) {
  kprintf("SC POWER OFF during a disk %s\n", what);
  end_boot();
}

[[noreturn]] void record(ChannelDisk& disk) {
  boot(disk);
  BlobCursor cursor(sizeof(blob::Header) + sizeof(blob::Manager) * header().manager_count);
  for (uint64_t i = 0; i < header().step_count; ++i) {
    const blob::StepHeader* step = cursor.take<blob::StepHeader>();
    if (step->crash != 0) {
      const uint64_t mark[] = {channel::kMarkCrash, i};
      disk.send(channel::kMark, mark, 2);
      disk.flush();
      kprintf("SC CRASH %lu\n", i);
      print_recovered(boot(disk));
      continue;
    }
    const uint64_t mark[] = {channel::kMarkStep, i};
    disk.send(channel::kMark, mark, 2);
    run_step(disk, i, cursor, step->locus_count);
  }
  disk.send(channel::kEnd);
  kprintf("SC RECORDED %u steps\n", header().step_count);
  end_boot();
}

// One power-on of a crash image: recovery and the read-back.
[[noreturn]] void recover(ChannelDisk& disk) {
  print_recovered(boot(disk));
  end_boot();
}

}  // namespace

bool blob_present() { return header().magic == blob::kMagic; }

sc::Kernel& workload_kernel() { return kernel; }

void run_workload() {
  load_config();
  ChannelDisk& disk = open_disk();
  platform.attach(kernel, disk);
  disk.on_power_off(power_lost);
  power_on_asked = micros_since_reset();
  const channel::BootMode mode = disk.power_on();
  power_on_served = micros_since_reset();
  if (mode == channel::kBootRecord) record(disk);
  recover(disk);
}

}  // namespace rv
