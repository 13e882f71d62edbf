// virtio_mmio.h — register map and constants of the virtio-mmio transport
// (virtio 1.1 §4.2.2 for version 2, §4.2.4 for the legacy version 1) and of
// split virtqueues. Interface: constants and the ring structs only.
// Invariant: ring structs match the device's little-endian layout exactly.
#pragma once
#include <stdint.h>

namespace rv::virtio {

constexpr uint32_t kMagic = 0x74726976;  // "virt"
constexpr uint32_t kDeviceBlock = 2;

enum Reg : uint32_t {
  kMagicValue = 0x000,
  kVersion = 0x004,
  kDeviceId = 0x008,
  kDeviceFeatures = 0x010,
  kDeviceFeaturesSel = 0x014,
  kDriverFeatures = 0x020,
  kDriverFeaturesSel = 0x024,
  kGuestPageSize = 0x028,  // legacy only
  kQueueSel = 0x030,
  kQueueNumMax = 0x034,
  kQueueNum = 0x038,
  kQueueAlign = 0x03c,  // legacy only
  kQueuePfn = 0x040,    // legacy only
  kQueueReady = 0x044,  // version 2 only
  kQueueNotify = 0x050,
  kInterruptStatus = 0x060,
  kInterruptAck = 0x064,
  kStatus = 0x070,
  kQueueDescLow = 0x080,  // version 2 only, as are the five below
  kQueueDescHigh = 0x084,
  kQueueDriverLow = 0x090,
  kQueueDriverHigh = 0x094,
  kQueueDeviceLow = 0x0a0,
  kQueueDeviceHigh = 0x0a4,
  kConfig = 0x100,
};

enum StatusBit : uint32_t {
  kAcknowledge = 1,
  kDriver = 2,
  kDriverOk = 4,
  kFeaturesOk = 8,
  kFailed = 128,
};

// Feature bits used by the block driver.
constexpr uint64_t kFeatureBlkReadOnly = 1ULL << 5;
constexpr uint64_t kFeatureBlkFlush = 1ULL << 9;
constexpr uint64_t kFeatureVersion1 = 1ULL << 32;

enum DescFlag : uint16_t { kDescNext = 1, kDescWrite = 2 };

struct Desc {
  uint64_t addr;
  uint32_t len;
  uint16_t flags;
  uint16_t next;
};

template <int N>
struct AvailRing {
  uint16_t flags;
  uint16_t idx;
  uint16_t ring[N];
  uint16_t used_event;
};

struct UsedElem {
  uint32_t id;
  uint32_t len;
};

template <int N>
struct UsedRing {
  uint16_t flags;
  uint16_t idx;
  UsedElem ring[N];
  uint16_t avail_event;
};

}  // namespace rv::virtio
