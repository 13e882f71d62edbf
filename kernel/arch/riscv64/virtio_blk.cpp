// virtio_blk.cpp — see virtio_blk.h. Device initialisation follows virtio
// 1.1 §3.1.1 (reset, ACKNOWLEDGE, DRIVER, features, queue, DRIVER_OK).
#include "kernel/arch/riscv64/virtio_blk.h"

#include "kernel/arch/riscv64/csr.h"
#include "kernel/arch/riscv64/memory_layout.h"
#include "kernel/arch/riscv64/plic.h"

namespace rv {

namespace {

constexpr uint32_t kTypeIn = 0;
constexpr uint32_t kTypeOut = 1;
constexpr uint32_t kTypeFlush = 4;
constexpr uint8_t kStatusOk = 0;
constexpr uint32_t kFirstVirtioIrq = 1;  // QEMU virt: slot i raises PLIC source 1 + i

VirtioBlk the_device;

uint32_t low32(uint64_t v) { return static_cast<uint32_t>(v); }
uint32_t high32(uint64_t v) { return static_cast<uint32_t>(v >> 32); }
uint64_t address_of(const volatile void* p) { return reinterpret_cast<uint64_t>(p); }

}  // namespace

VirtioBlk* VirtioBlk::probe(const char** why) {
  *why = "no virtio-blk device on the virtio-mmio slots";
  for (int slot = 0; slot < kVirtioMmioSlots; ++slot) {
    const uintptr_t base = kVirtioMmioBase + static_cast<uintptr_t>(slot) * kVirtioMmioStride;
    const auto* regs = reinterpret_cast<volatile uint32_t*>(base);
    if (regs[virtio::kMagicValue / 4] != virtio::kMagic) continue;
    if (regs[virtio::kDeviceId / 4] != virtio::kDeviceBlock) continue;
    *why = the_device.init(base, kFirstVirtioIrq + static_cast<uint32_t>(slot));
    return *why == nullptr ? &the_device : nullptr;
  }
  return nullptr;
}

uint32_t VirtioBlk::reg(uint32_t offset) const {
  return *reinterpret_cast<volatile uint32_t*>(base_ + offset);
}

void VirtioBlk::set_reg(uint32_t offset, uint32_t value) {
  *reinterpret_cast<volatile uint32_t*>(base_ + offset) = value;
}

// Returns nullptr on success, else why the device cannot be used.
const char* VirtioBlk::init(uintptr_t base, uint32_t irq) {
  base_ = base;
  plic_route(irq);
  version_ = reg(virtio::kVersion);
  if (version_ != 1 && version_ != 2) return "unknown virtio-mmio version";
  set_reg(virtio::kStatus, 0);
  set_reg(virtio::kStatus, virtio::kAcknowledge);
  set_reg(virtio::kStatus, virtio::kAcknowledge | virtio::kDriver);
  if (const char* why = negotiate_features()) return why;
  if (const char* why = setup_queue()) return why;
  capacity_ = reg(virtio::kConfig) | (uint64_t{reg(virtio::kConfig + 4)} << 32);
  set_reg(virtio::kStatus, reg(virtio::kStatus) | virtio::kDriverOk);
  return nullptr;
}

const char* VirtioBlk::negotiate_features() {
  set_reg(virtio::kDeviceFeaturesSel, 0);
  uint64_t offered = reg(virtio::kDeviceFeatures);
  if (version_ == 2) {
    set_reg(virtio::kDeviceFeaturesSel, 1);
    offered |= uint64_t{reg(virtio::kDeviceFeatures)} << 32;
  }
  has_flush_ = (offered & virtio::kFeatureBlkFlush) != 0;
  read_only_ = (offered & virtio::kFeatureBlkReadOnly) != 0;
  uint64_t accepted = offered & virtio::kFeatureBlkFlush;
  if (version_ == 2) accepted |= offered & virtio::kFeatureVersion1;
  set_reg(virtio::kDriverFeaturesSel, 0);
  set_reg(virtio::kDriverFeatures, low32(accepted));
  if (version_ == 1) return nullptr;
  set_reg(virtio::kDriverFeaturesSel, 1);
  set_reg(virtio::kDriverFeatures, high32(accepted));
  set_reg(virtio::kStatus, reg(virtio::kStatus) | virtio::kFeaturesOk);
  if ((reg(virtio::kStatus) & virtio::kFeaturesOk) == 0) return "device refused our features";
  return nullptr;
}

const char* VirtioBlk::setup_queue() {
  if (version_ == 1) set_reg(virtio::kGuestPageSize, kPageSize);
  set_reg(virtio::kQueueSel, 0);
  const uint32_t busy = version_ == 1 ? reg(virtio::kQueuePfn) : reg(virtio::kQueueReady);
  if (busy != 0) return "virtqueue 0 already in use";
  if (reg(virtio::kQueueNumMax) < kQueueSize) return "virtqueue 0 too small";
  set_reg(virtio::kQueueNum, kQueueSize);
  if (version_ == 1) {
    set_reg(virtio::kQueueAlign, kPageSize);
    set_reg(virtio::kQueuePfn, low32(address_of(&queue_) / kPageSize));
    return nullptr;
  }
  set_reg(virtio::kQueueDescLow, low32(address_of(queue_.desc)));
  set_reg(virtio::kQueueDescHigh, high32(address_of(queue_.desc)));
  set_reg(virtio::kQueueDriverLow, low32(address_of(&queue_.avail)));
  set_reg(virtio::kQueueDriverHigh, high32(address_of(&queue_.avail)));
  set_reg(virtio::kQueueDeviceLow, low32(address_of(&queue_.used)));
  set_reg(virtio::kQueueDeviceHigh, high32(address_of(&queue_.used)));
  set_reg(virtio::kQueueReady, 1);
  return nullptr;
}

sc::Status VirtioBlk::read(uint64_t sector, uint32_t count, void* buf) {
  return transfer(kTypeIn, sector, count, buf);
}

sc::Status VirtioBlk::write(uint64_t sector, uint32_t count, const void* buf, bool fua) {
  if (read_only_) return sc::Status::io_error;
  const sc::Status s = transfer(kTypeOut, sector, count, const_cast<void*>(buf));
  if (s != sc::Status::ok || !fua) return s;
  return flush();
}

sc::Status VirtioBlk::flush() {
  if (!has_flush_) return sc::Status::ok;
  return submit(kTypeFlush, 0, nullptr, 0, false);
}

// Reads or writes count sectors in requests of at most kMaxSectorsPerRequest.
sc::Status VirtioBlk::transfer(uint32_t type, uint64_t sector, uint32_t count, void* buf) {
  if (base_ == 0) return sc::Status::io_error;
  if (sector > capacity_ || count > capacity_ - sector) return sc::Status::bad_argument;
  auto* bytes = static_cast<uint8_t*>(buf);
  while (count > 0) {
    const uint32_t n = count < kMaxSectorsPerRequest ? count : kMaxSectorsPerRequest;
    const sc::Status s = submit(type, sector, bytes, n * sc::kSectorSize, type == kTypeIn);
    if (s != sc::Status::ok) return s;
    sector += n;
    count -= n;
    bytes += n * sc::kSectorSize;
  }
  return sc::Status::ok;
}

// Chains header, optional data and status descriptors, publishes them in the
// avail ring, notifies the device and sleeps (WFI) until the used ring shows
// the completion. Whatever interrupt an earlier request left pending is
// acknowledged first, so the WFI waits for this request's (plic.h); the
// completion's own interrupt stays pending until the next request acks it.
sc::Status VirtioBlk::submit(uint32_t type, uint64_t sector, void* data, uint32_t len,
                             bool device_writes) {
  header_ = RequestHeader{type, 0, sector};
  status_ = 0xff;
  virtio::Desc* d = queue_.desc;
  d[0] = {address_of(&header_), sizeof header_, virtio::kDescNext, 1};
  uint16_t status_index = 1;
  if (data != nullptr) {
    const uint16_t flags = device_writes ? virtio::kDescNext | virtio::kDescWrite : virtio::kDescNext;
    d[1] = {address_of(data), len, flags, 2};
    status_index = 2;
  }
  d[status_index] = {address_of(&status_), 1, virtio::kDescWrite, 0};
  set_reg(virtio::kInterruptAck, reg(virtio::kInterruptStatus));
  plic_drain();
  queue_.avail.ring[queue_.avail.idx % kQueueSize] = 0;
  fence();
  queue_.avail.idx = static_cast<uint16_t>(queue_.avail.idx + 1);
  fence();
  set_reg(virtio::kQueueNotify, 0);
  const volatile uint16_t* used_idx = &queue_.used.idx;
  csr_set(mie, kMieMeie);
  while (*used_idx == last_used_) asm volatile("wfi");
  csr_clear(mie, kMieMeie);
  fence();
  last_used_ = static_cast<uint16_t>(last_used_ + 1);
  return status_ == kStatusOk ? sc::Status::ok : sc::Status::io_error;
}

}  // namespace rv
