// selftest.cpp — see selftest.h.
#include "kernel/arch/riscv64/selftest.h"

#include "kernel/arch/riscv64/console.h"
#include "kernel/arch/riscv64/isolation_selftest.h"
#include "kernel/arch/riscv64/user.h"
#include "kernel/arch/riscv64/virtio_blk.h"
#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"

extern "C" const char user_selftest_begin[], user_selftest_end[];
extern "C" const char user_wild_begin[], user_wild_end[];

namespace rv {

namespace {

constexpr uint32_t kMaxSectors = 8;
constexpr uint64_t kPatternSeed = 0x5eed;

struct DiskCase {
  uint64_t sector;  // counted from the end of the disk when from_end
  uint32_t count;
  bool fua;
  bool from_end;
};

constexpr DiskCase kDiskCases[] = {
    {0, 1, false, false}, {1, kMaxSectors, true, false}, {12, 3, false, false}, {1, 1, false, true}};

alignas(16) uint8_t write_buf[kMaxSectors * sc::kSectorSize];
alignas(16) uint8_t read_buf[kMaxSectors * sc::kSectorSize];

RunReport run_user(const char* begin, const char* end) {
  return UserProgram::load(begin, static_cast<uint64_t>(end - begin)).run();
}

const char* check_user_mode() {
  const RunReport ok = run_user(user_selftest_begin, user_selftest_end);
  kprintf("user program: %s, code %lu, %lu fault(s), %lu syscall(s)\n", ok.reason, ok.exit_code,
          ok.faults_served, ok.syscalls);
  if (ok.killed) return "the user self-test program was killed";
  if (ok.exit_code != 0) return "the user self-test program read back a wrong value";
  if (ok.faults_served != 1) return "expected exactly one demand-paging fault";
  if (ok.syscalls != 2) return "expected exactly two system calls";
  const RunReport wild = run_user(user_wild_begin, user_wild_end);
  kprintf("wild program: %s\n", wild.reason);
  if (!wild.killed) return "a user load from kernel memory was not stopped";
  return nullptr;
}

void fill_pattern(uint64_t sector, uint32_t count) {
  for (uint32_t i = 0; i < count * sc::kSectorSize; i += 8)
    sc::store_u64(write_buf + i, sc::mix64(kPatternSeed ^ (sector * sc::kSectorSize + i)));
}

const char* write_cases(VirtioBlk* disk) {
  for (const DiskCase& c : kDiskCases) {
    const uint64_t sector = c.from_end ? disk->sector_count() - c.sector : c.sector;
    fill_pattern(sector, c.count);
    if (disk->write(sector, c.count, write_buf, c.fua) != sc::Status::ok) return "disk write failed";
  }
  if (disk->flush() != sc::Status::ok) return "disk flush failed";
  return nullptr;
}

const char* verify_cases(VirtioBlk* disk) {
  for (const DiskCase& c : kDiskCases) {
    const uint64_t sector = c.from_end ? disk->sector_count() - c.sector : c.sector;
    fill_pattern(sector, c.count);
    if (disk->read(sector, c.count, read_buf) != sc::Status::ok) return "disk read failed";
    if (!sc::bytes_equal(read_buf, write_buf, c.count * sc::kSectorSize))
      return "disk read back differs from what was written";
  }
  return nullptr;
}

const char* check_disk(FailCode* code) {
  const char* why = nullptr;
  VirtioBlk* disk = VirtioBlk::probe(&why);
  *code = FailCode::no_disk;
  if (disk == nullptr) return why;
  kprintf("virtio-blk: mmio version %u, %lu sectors, flush %s\n", disk->transport_version(),
          disk->sector_count(), disk->has_flush() ? "yes" : "no");
  if (disk->sector_count() < 16) return "disk smaller than 16 sectors";
  *code = FailCode::disk_io;
  disk->set_phase(sc::Phase::RUN);
  if ((why = write_cases(disk)) != nullptr) return why;
  if ((why = verify_cases(disk)) != nullptr) return why;
  if (disk->write(disk->sector_count(), 1, write_buf, false) != sc::Status::bad_argument)
    return "a write past the end of the disk was not refused";
  kprintf("disk: %u cases written, flushed, read back and verified\n",
          static_cast<unsigned>(sizeof kDiskCases / sizeof kDiskCases[0]));
  return nullptr;
}

}  // namespace

const char* run_selftest(FailCode* code) {
  *code = FailCode::selftest;
  if (const char* why = check_user_mode()) return why;
  if (const char* why = check_manager_isolation()) return why;
  return check_disk(code);
}

}  // namespace rv
