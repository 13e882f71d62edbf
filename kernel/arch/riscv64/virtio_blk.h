// virtio_blk.h — virtio-blk driver over virtio-mmio (legacy
// version 1, which QEMU 7.2 gives by default, or version 2), implementing
// the kernel core's sc::BlockDevice.
// Interface: VirtioBlk::probe(&why) finds and initialises the first block
// device on the virtio-mmio slots (nullptr and a reason if none is usable);
// then the BlockDevice calls. One request is in flight at a time: each call
// returns when the device has completed it; the CPU sleeps (WFI) until then,
// woken by the device's interrupt through the PLIC (plic.h), so that QEMU's
// CPU thread leaves the host's cores to QEMU's I/O and the disk server.
// Semantics (DESIGN.md §4): write() is acknowledged by the device's
// write-back cache; flush() sends VIRTIO_BLK_T_FLUSH when the device offers
// VIRTIO_BLK_F_FLUSH (without it the device has no volatile cache and flush
// is a no-op). virtio-blk has no FUA, so write(fua=true) is a write followed
// by a flush. Requests longer than kMaxSectorsPerRequest are split.
// set_phase() records the phase (phase()); a later step carries it to the
// host through the device.
// Invariants: buffers are passed to the device by their address, which is
// physical (the kernel runs untranslated); the driver owns one virtqueue of
// kQueueSize descriptors and uses descriptors 0..2 for every request.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/virtio_mmio.h"
#include "kernel/core/block_device.h"

namespace rv {

class VirtioBlk final : public sc::BlockDevice {
 public:
  static constexpr int kQueueSize = 8;
  static constexpr uint32_t kMaxSectorsPerRequest = 256;

  static VirtioBlk* probe(const char** why);

  uint64_t sector_count() const override { return capacity_; }
  sc::Status read(uint64_t sector, uint32_t count, void* buf) override;
  sc::Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  sc::Status flush() override;
  void set_phase(sc::Phase phase) override { phase_ = phase; }

  sc::Phase phase() const { return phase_; }
  uint32_t transport_version() const { return version_; }
  bool has_flush() const { return has_flush_; }

 private:
  struct RequestHeader {
    uint32_t type;
    uint32_t reserved;
    uint64_t sector;
  };
  // Split virtqueue in the legacy layout (used ring on the next page),
  // which also serves version 2.
  struct alignas(4096) Queue {
    virtio::Desc desc[kQueueSize];
    virtio::AvailRing<kQueueSize> avail;
    alignas(4096) virtio::UsedRing<kQueueSize> used;
  };

  const char* init(uintptr_t base, uint32_t irq);
  const char* negotiate_features();
  const char* setup_queue();
  sc::Status transfer(uint32_t type, uint64_t sector, uint32_t count, void* buf);
  sc::Status submit(uint32_t type, uint64_t sector, void* data, uint32_t len, bool device_writes);
  uint32_t reg(uint32_t offset) const;
  void set_reg(uint32_t offset, uint32_t value);

  uintptr_t base_ = 0;
  uint32_t version_ = 0;
  uint64_t capacity_ = 0;
  bool has_flush_ = false;
  bool read_only_ = false;
  uint16_t last_used_ = 0;
  sc::Phase phase_ = sc::Phase::RUN;
  RequestHeader header_{};
  volatile uint8_t status_ = 0;
  Queue queue_{};
};

}  // namespace rv
