// fuzz_recovery_image.cpp — bytes → a patched disk image of the base system
// (base_system.h) → boot recovery on a Machine → read everything back.
//
// Input encoding: byte 0 bit 0 = reseal checksums after patching
// (image_regions.h), so patches reach the decoders' checks beyond the
// checksum. Then up to kMaxPatches patches, each: op byte, region byte
// (region index, or one past the last = a raw sector picked by the next two
// bytes), a two-byte offset inside the region, then by op:
//   0 overwrite: length byte (1..16) and that many bytes;
//   1 store a small little-endian u32 (one byte) at the aligned offset;
//   2 xor one byte;
//   3 copy the whole of another region (by index byte) over this one.
// Legal outcomes: boot fails with a Status and names the failed manager (or
// the kernel), or boot succeeds and read-back succeeds or fails with a
// Status. If the recovered system then stabilises every self-managing
// manager successfully, a second recovery from the resulting image must
// succeed and read back exactly the same state (else abort).
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "fuzz/base_system.h"
#include "fuzz/byte_reader.h"
#include "fuzz/digest.h"
#include "fuzz/harnesses.h"
#include "fuzz/image_disk.h"
#include "fuzz/image_regions.h"
#include "injector/inproc/readback.h"
#include "kernel/core/bytes.h"
#include "kernel/hosted/machine.h"

namespace sc::fuzz {

namespace {

constexpr int kMaxPatches = 64;

const std::vector<Region>& base_regions() {
  static const std::vector<Region> regions = find_regions(base_image(), base_workload());
  return regions;
}

Region pick_region(ByteReader& in, uint64_t sectors) {
  const auto& regions = base_regions();
  const uint32_t index = in.below(static_cast<uint32_t>(regions.size() + 1));
  if (index < regions.size()) return regions[index];
  return Region{RegionKind::data_block, uint64_t{in.below(static_cast<uint32_t>(sectors))} * kSectorSize, kSectorSize, 0, 0};
}

void apply_patch(ByteReader& in, std::vector<uint8_t>& image) {
  const uint8_t op = in.u8() % 4;
  const Region r = pick_region(in, image.size() / kSectorSize);
  const uint32_t offset = in.below(r.size);
  uint8_t* p = image.data() + r.offset;
  if (op == 0) {
    const uint32_t length = std::min<uint32_t>(in.u8() % 16 + 1, r.size - offset);
    for (uint32_t i = 0; i < length; ++i) p[offset + i] = in.u8();
  } else if (op == 1) {
    store_u32(p + std::min(offset & ~3u, r.size - 4), in.u8());
  } else if (op == 2) {
    p[offset] ^= in.u8();
  } else {
    const Region& src = base_regions()[in.below(static_cast<uint32_t>(base_regions().size()))];
    std::copy_n(image.data() + src.offset, std::min(src.size, r.size), p);
  }
}

// One machine for the whole process: every boot resets the kernel and
// recreates the manager programs (a power cut keeps nothing else), and the
// disk is swapped per input, so nothing leaks between inputs.
Machine& machine_on(ImageDisk& disk) {
  static ImageDisk placeholder{std::vector<uint8_t>(kSectorSize)};
  static Machine machine(placeholder, boot_config(base_workload(), SeededBugs{}));
  machine.set_disk(disk);
  return machine;
}

// Boots `disk` and reads back the recovered state; false if either fails.
bool recover(ImageDisk& disk, Digest& digest, SystemState* state) {
  const Workload& w = base_workload();
  Machine& machine = machine_on(disk);
  const Status boot = machine.boot();
  const BootReport& report = machine.kernel().boot_report();
  digest.add(static_cast<uint64_t>(boot));
  if (failed(boot)) {
    if (report.status != boot) {
      std::fprintf(stderr, "fuzz_recovery_image: boot failed (%s) but the report says %s\n", status_name(boot),
                   status_name(report.status));
      std::abort();
    }
    digest.add(report.failed_manager);
    return false;
  }
  const Status s = read_back(machine, w, state);
  digest.add(static_cast<uint64_t>(s));
  return !failed(s);
}

// Stabilises every self-managing manager of the recovered system; true if all succeed.
bool stabilise_all(ImageDisk& disk, Digest& digest) {
  const Workload& w = base_workload();
  Machine& machine = machine_on(disk);
  if (failed(machine.boot())) return false;
  LocusId locus;
  if (failed(machine.kernel().create_locus(w.home_of(0), &locus))) return false;
  bool all = true;
  for (ManagerId m = 0; m < w.managers.size(); ++m) {
    if (!w.managers[m].self_managing()) continue;
    const Status s = machine.kernel().locus_request_stabilisation(locus, m);
    digest.add(static_cast<uint64_t>(s));
    all = all && !failed(s);
  }
  return all;
}

void add_state(Digest& digest, const SystemState& state) {
  for (const auto& [c, pages] : state)
    for (const auto& [page, hash] : pages) digest.add(c * 0x100000001ULL ^ page ^ hash);
}

}  // namespace

uint64_t run_recovery_image(Bytes input) {
  ByteReader in(input);
  static ImageDisk disk{base_image()};
  disk.bytes() = base_image();  // reset per input, reusing the buffer
  const bool seal = in.flag();
  for (int i = 0; i < kMaxPatches && !in.empty(); ++i) apply_patch(in, disk.bytes());
  if (seal) reseal(disk.bytes(), base_regions());
  Digest digest;
  SystemState recovered;
  if (!recover(disk, digest, &recovered)) return digest.value();
  add_state(digest, recovered);
  if (!stabilise_all(disk, digest)) return digest.value();
  SystemState again;
  const bool recovered_again = recover(disk, digest, &again);
  if (!recovered_again || again != recovered) {
    std::fprintf(stderr, "fuzz_recovery_image: the recovered system stabilised, but recovering from that image %s\n",
                 recovered_again ? "gave a different state" : "failed");
    for (const auto& line : diff_states(base_workload(), recovered, again)) std::fprintf(stderr, "  %s\n", line.c_str());
    std::abort();
  }
  return digest.value();
}

}  // namespace sc::fuzz
