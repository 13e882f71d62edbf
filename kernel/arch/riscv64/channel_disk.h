// channel_disk.h — the disk the kernel core sees in workload mode: the
// virtio-blk device minus its last sector, which is the control channel to
// our nbdkit plugin (host_channel.h).
// Interface: ChannelDisk(device) — sc::BlockDevice over sectors
// [0, capacity - 1); send(kind, args) writes one control record.
// Semantics: set_phase() is sent lazily, as a kPhase record just before the
// next request whose phase differs from the last one sent, so every request
// reaches the host tagged exactly as the kernel tagged it; write(fua=true) is
// kFua + write + flush; flush() is kFlush + flush. A failed data request is
// told apart by a kIoError record: the plugin fails every request after a
// live cut, so if that record fails too the power is off and the boot ends
// there (the power-off handler, which never returns; without one the kernel
// panics with FailCode::disk_io) rather than run on; if it is accepted, the
// device is alive and the request's own error (an injected read-error or
// io-error) is returned to the kernel as the request's Status.
// power_on() sends kPowerOn and returns the plugin's boot order for this
// power-on (host_channel.h); a control sector that holds no valid order
// panics with FailCode::disk_io.
#pragma once
#include <stdint.h>

#include "kernel/abi/host_channel.h"
#include "kernel/arch/riscv64/virtio_blk.h"

namespace rv {

class ChannelDisk final : public sc::BlockDevice {
 public:
  explicit ChannelDisk(VirtioBlk& device);

  uint64_t sector_count() const override { return data_sectors_; }
  sc::Status read(uint64_t sector, uint32_t count, void* buf) override;
  sc::Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  sc::Status flush() override;
  void set_phase(sc::Phase phase) override { phase_ = phase; }

  void send(channel::Kind kind, const uint64_t* args = nullptr, uint32_t count = 0);
  channel::BootMode power_on();
  // Called, instead of a panic, when the power goes off under a data request.
  void on_power_off(void (*handler)(const char* what)) { power_off_ = handler; }

 private:
  void sync_phase();
  enum class Request : uint64_t { read = 0, write = 1, flush = 2 };
  sc::Status checked(sc::Status s, Request request, uint64_t sector, uint32_t count);
  sc::Status write_record(const channel::Record& r);
  void send_or_panic(const channel::Record& r, const char* what);
  [[noreturn]] void powered_off(const char* what);

  VirtioBlk& device_;
  uint64_t data_sectors_;
  sc::Phase phase_ = sc::Phase::RUN;
  sc::Phase sent_phase_ = sc::Phase::RUN;
  alignas(16) uint8_t record_[sc::kSectorSize] = {};
  void (*power_off_)(const char* what) = nullptr;
};

}  // namespace rv
